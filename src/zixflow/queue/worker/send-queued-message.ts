import type { Processor } from 'bullmq';
import type { ZixflowWhatsappService } from '../../sending/zixflow-whatsapp.service';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import { toJobFailure } from './job-failure';

/** What the worker sends through: `ZixflowWhatsappService`, or a stand-in in unit tests. */
export type ZixflowQueueSender = Pick<ZixflowWhatsappService, 'send'>;

/** The sender of a job's account (the default registration's without one). */
export type ZixflowQueueSenders = (account: string | undefined) => Promise<ZixflowQueueSender>;

/**
 * The BullMQ processor of the Zixflow queue: one send per job, with the service's own retries off,
 * because BullMQ owns the retries of a queued message (they survive a restart, are paced by the
 * queue, and count in the job's attempts). Zixflow's result becomes the job's return value; a
 * failure is mapped by {@link toJobFailure} to a retry or a final failure.
 */
export function sendQueuedMessage(
  whatsappOf: ZixflowQueueSenders,
): Processor<ZixflowQueueJobData, ZixflowSendResult, string> {
  return async (job) => {
    try {
      const whatsapp = await whatsappOf(job.data.account);
      return await whatsapp.send(job.data.message, { retry: false });
    } catch (error) {
      throw toJobFailure(error);
    }
  };
}
