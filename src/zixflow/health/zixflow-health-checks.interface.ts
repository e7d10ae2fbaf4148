/** Options of {@link ZixflowHealthIndicator.isZixflowReachable}. */
export interface ZixflowReachableCheckOptions {
  /**
   * How long one answer from Zixflow (up or down) is reused for the same check key, in ms, so a
   * `/health` polled every few seconds does not call Zixflow each time. Default 30 000; 0 asks
   * every time.
   */
  cacheMs?: number;
  /**
   * The template the campaign API is asked about (its variable-keys endpoint, the cheapest request
   * that needs the key). Default: a name no workspace has, so the answer is never cached by the
   * service and only says whether the key was accepted. On the AI API the accounts endpoint is used.
   */
  probeTemplate?: { templateName: string; language: string; phoneId?: string };
}

/** Options of {@link ZixflowHealthIndicator.isRedisUp}. */
export interface ZixflowRedisCheckOptions {
  /** How long the PING may take before Redis counts as down, in ms. Default 1000. */
  timeoutMs?: number;
}

/** Options of {@link ZixflowHealthIndicator.isWebhookReceiving}. */
export interface ZixflowWebhookCheckOptions {
  /**
   * Down when no webhook arrived successfully for this long (counted from start-up until the first
   * one), in ms. Left out, the check is up whenever the routes are mounted and reports the time of
   * the last delivery.
   */
  maxSilenceMs?: number;
}
