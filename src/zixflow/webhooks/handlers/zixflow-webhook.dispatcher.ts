import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import { ZIXFLOW_WEBHOOKS_EMITTER } from '../zixflow-webhooks.constants';
import { ZixflowEventName } from '../zixflow.events';
import { describeError, LogSubject } from './describe-for-log';

/** How long shutdown waits for handlers still running (a reply may be mid-send). */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Emits accepted events after the webhook has been answered, so Zixflow gets its 200 at once
 * however long handlers take (Zixflow retries and finally disables a webhook that answers late or
 * not at all). Listener failures are logged here and go nowhere else.
 */
@Injectable()
export class ZixflowWebhookDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ZixflowWebhooks');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(@Inject(ZIXFLOW_WEBHOOKS_EMITTER) private readonly emitter: EventEmitter2) {}

  /** Emits `event` on the next turn of the event loop, after the current answer is written. */
  dispatch(event: ZixflowEventName, payload: object, subject: LogSubject): void {
    const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.emitter.emitAsync(event, payload))
      .then(
        () => undefined,
        (error: unknown) => this.logFailure(event, subject, error),
      )
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Lets running handlers finish their replies before the application closes, within a grace period. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight.size === 0) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(this.inFlight), grace]);
    clearTimeout(timer);
  }

  /** Reached only by listeners that throw through `@nestjs/event-emitter` (`suppressErrors: false`). */
  private logFailure(event: ZixflowEventName, subject: LogSubject, error: unknown): void {
    const { message, stack } = describeError(error, subject.numbers);
    this.logger.error(`A listener of ${event} failed on ${subject.label}: ${message}`, stack);
  }
}
