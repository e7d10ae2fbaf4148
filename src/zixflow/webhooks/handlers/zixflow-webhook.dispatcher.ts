import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import { ZIXFLOW_WEBHOOKS_EMITTER } from '../zixflow-webhooks.constants';
import { ZixflowEventName } from '../zixflow.events';
import { describeError, LogSubject } from './describe-for-log';

/** How long shutdown waits for handlers still running (a reply may be mid-send). */
const SHUTDOWN_GRACE_MS = 10_000;

/** One accepted event waiting for the next turn of the event loop. */
interface PendingEvent {
  event: ZixflowEventName;
  payload: object;
  subject: LogSubject;
}

/**
 * Emits accepted events after the webhook has been answered, so Zixflow gets its 200 at once
 * however long handlers take (Zixflow retries and finally disables a webhook that answers late or
 * not at all). Listener failures are logged here and go nowhere else.
 *
 * Events accepted during one turn of the event loop are emitted together, in the order they were
 * accepted, from a single `setImmediate`: under load that is one timer for many deliveries instead
 * of a timer and a promise chain each.
 */
@Injectable()
export class ZixflowWebhookDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ZixflowWebhooks');
  private pending: PendingEvent[] = [];
  /** Events dispatched and not yet settled: waiting for their turn, or with listeners still running. */
  private unsettled = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(@Inject(ZIXFLOW_WEBHOOKS_EMITTER) private readonly emitter: EventEmitter2) {}

  /** Emits `event` on the next turn of the event loop, after the current answer is written. */
  dispatch(event: ZixflowEventName, payload: object, subject: LogSubject): void {
    this.unsettled += 1;
    if (this.pending.push({ event, payload, subject }) === 1) {
      setImmediate(this.emitPending);
    }
  }

  /** Lets running handlers finish their replies before the application closes, within a grace period. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.unsettled === 0) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      timer.unref();
    });
    await Promise.race([new Promise<void>((resolve) => this.idleWaiters.push(resolve)), grace]);
    clearTimeout(timer);
  }

  private readonly emitPending = (): void => {
    const batch = this.pending;
    this.pending = [];
    for (const pending of batch) {
      this.emit(pending);
    }
  };

  /** One event's listeners; a throw or rejection is logged, and never stops the rest of the batch. */
  private emit({ event, payload, subject }: PendingEvent): void {
    let result: unknown;
    try {
      result = this.emitter.emitAsync(event, payload);
    } catch (error) {
      this.logFailure(event, subject, error);
      this.settled();
      return;
    }
    // EventEmitter2 answers `false`, not a promise, when nothing was ever subscribed on it.
    const run = result instanceof Promise ? result : Promise.resolve(result);
    run.then(
      () => this.settled(),
      (error: unknown) => {
        this.logFailure(event, subject, error);
        this.settled();
      },
    );
  }

  private settled(): void {
    this.unsettled -= 1;
    if (this.unsettled === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Reached only by listeners that throw through `@nestjs/event-emitter` (`suppressErrors: false`). */
  private logFailure(event: ZixflowEventName, subject: LogSubject, error: unknown): void {
    const { message, stack } = describeError(error, subject.numbers);
    this.logger.error(`A listener of ${event} failed on ${subject.label}: ${message}`, stack);
  }
}
