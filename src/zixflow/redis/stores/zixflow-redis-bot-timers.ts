import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { ZixflowBotTimerJob, ZixflowBotTimers } from '../../bot';

/** BullMQ job ids may not contain `:`, which conversation keys do. */
function jobIdOf(conversationKey: string, kind: string): string {
  return `${kind}-${Buffer.from(conversationKey).toString('base64url')}`;
}

/**
 * Dialog idle time-outs and nudges as delayed BullMQ jobs: they survive restarts and deploys and
 * fire on whichever instance is up. Setting a timer replaces the conversation's earlier one of the
 * same kind; a timer that fires after the conversation moved on does nothing (the bot compares the
 * conversation's last activity with the job's).
 */
export class ZixflowRedisBotTimers implements ZixflowBotTimers {
  private readonly queue: Queue<ZixflowBotTimerJob>;
  private worker: Worker<ZixflowBotTimerJob> | undefined;
  private closed: Promise<void> | undefined;

  /**
   * @param connection - BullMQ connection options.
   * @param queueName - the timers' queue.
   * @param prefix - BullMQ's key prefix.
   */
  constructor(
    private readonly connection: ConnectionOptions,
    private readonly queueName: string,
    private readonly prefix: string,
  ) {
    this.queue = new Queue<ZixflowBotTimerJob>(queueName, { connection, prefix });
  }

  /** {@inheritDoc ZixflowBotTimers.set} */
  async set(job: ZixflowBotTimerJob, delayMs: number): Promise<void> {
    const jobId = jobIdOf(job.conversationKey, job.kind);
    await this.queue.remove(jobId);
    await this.queue.add(job.kind, job, { jobId, delay: delayMs, removeOnComplete: true, removeOnFail: 100 });
  }

  /** {@inheritDoc ZixflowBotTimers.clear} */
  async clear(conversationKey: string): Promise<void> {
    await Promise.all(['nudge', 'expire'].map((kind) => this.queue.remove(jobIdOf(conversationKey, kind))));
  }

  /** {@inheritDoc ZixflowBotTimers.start} */
  start(fire: (job: ZixflowBotTimerJob) => Promise<void>): void {
    this.worker = new Worker<ZixflowBotTimerJob>(this.queueName, (job) => fire(job.data), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: 4,
    });
    // A failed timer is logged by the bot; the worker's own error events must not crash the app.
    this.worker.on('error', () => undefined);
  }

  /** {@inheritDoc ZixflowBotTimers.stop} Closes the queue too; safe to call more than once. */
  stop(): Promise<void> {
    this.closed ??= (async () => {
      await this.worker?.close();
      await this.queue.close();
    })();
    return this.closed;
  }
}
