import { Body, Controller, HttpCode, HttpStatus, Optional, Post, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ZixflowValidationError } from '../../zixflow';
import { ZixflowOutbox } from '../../zixflow/queue';
import { asRecipientProblems, broadcastItems } from './broadcast-items';
import { BroadcastTemplateDto } from './broadcast-template.dto';

/** What `POST /broadcasts` answers: the messages are queued, not yet sent. */
export interface BroadcastAccepted {
  broadcastId: string;
  /** Distinct messages this request queued (a number listed twice is queued once). */
  queued: number;
  /**
   * Distinct messages that were already queued by an earlier request with the same `broadcastId`,
   * so nothing new was queued for them: a repeated request answers `queued: 0`.
   */
  alreadyQueued: number;
  /** The job id of each recipient's message, in the order of `recipients`. */
  jobIds: string[];
}

/**
 * "Scaled out": a template to a whole list, through the durable queue. The request answers as soon
 * as the messages are safely in Redis; the workers of every instance send them at the shared rate.
 * Without `REDIS_URL` the queue module is not loaded and the route says so with a 503.
 */
@Controller('broadcasts')
export class BroadcastsController {
  constructor(@Optional() private readonly outbox?: ZixflowOutbox) {}

  /** Queues the template for every recipient; send it again with the same `broadcastId` to retry safely. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async broadcast(@Body() broadcast: BroadcastTemplateDto): Promise<BroadcastAccepted> {
    if (this.outbox === undefined) {
      throw new ServiceUnavailableException(
        'The broadcast queue is off: set REDIS_URL to a Redis server (e.g. redis://127.0.0.1:6379) and restart the app.',
      );
    }
    const broadcastId = broadcast.broadcastId ?? randomUUID();
    try {
      const enqueued = await this.outbox.enqueueManyDetailed(broadcastItems(broadcast, broadcastId));
      const jobIds = enqueued.map((item) => item.jobId);
      const queued = new Set(enqueued.filter((item) => !item.alreadyQueued).map((item) => item.jobId));
      const alreadyQueued = new Set(jobIds.filter((jobId) => !queued.has(jobId)));
      return { broadcastId, queued: queued.size, alreadyQueued: alreadyQueued.size, jobIds };
    } catch (error) {
      throw error instanceof ZixflowValidationError ? asRecipientProblems(error) : error;
    }
  }
}
