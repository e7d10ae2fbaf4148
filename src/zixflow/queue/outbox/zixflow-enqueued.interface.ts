/** What `ZixflowOutbox.enqueueDetailed` and `enqueueManyDetailed` report for one message. */
export interface ZixflowEnqueued {
  /** The job holding the message: a new job, or the one already queued under the same idempotency key. */
  jobId: string;
  /**
   * `true` when nothing was added for this message: its idempotency key was already queued (by an
   * earlier call, by a concurrent call, or by an earlier item of the same batch), so the existing
   * job's id is given and the message is sent once. Always `false` without an idempotency key.
   */
  alreadyQueued: boolean;
}
