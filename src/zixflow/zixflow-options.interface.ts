/** Retry settings. Retries themselves are applied by the reliability layer; `false` turns them off. */
export interface ZixflowRetryOptions {
  /** How many times a retryable failure is repeated. */
  retries?: number;
  /** Base delay of the exponential back-off, in milliseconds. */
  minDelayMs?: number;
  /** Upper bound of one back-off delay, in milliseconds. */
  maxDelayMs?: number;
}

/** Options of {@link ZixflowModule}, given to `forRoot` or produced by `forRootAsync`. */
export interface ZixflowModuleOptions {
  /** Zixflow API key (Settings > Workspace Settings > Developer > API Key). Required. */
  apiKey: string;
  /** API host. Defaults to `https://api.zixflow.com`; tests point it at `ZixflowSandbox`. */
  baseUrl?: string;
  /** Sender phone-number ID used when a message leaves `phoneId` out. */
  defaultPhoneId?: string;
  /** Time-out of one request in milliseconds. Defaults to 10 000. */
  timeoutMs?: number;
  /** Retry settings, or `false` to never retry. */
  retry?: ZixflowRetryOptions | false;
}

/** Implemented by a class given to `forRootAsync({ useClass })` or `forRootAsync({ useExisting })`. */
export interface ZixflowOptionsFactory {
  /** Returns the module options, possibly after reading a secret store. */
  createZixflowOptions(): ZixflowModuleOptions | Promise<ZixflowModuleOptions>;
}
