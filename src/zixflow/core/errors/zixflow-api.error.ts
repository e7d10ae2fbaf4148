import { ZixflowError } from './zixflow.error';

/** What every HTTP answer from Zixflow that is not a success carries into an error. */
export interface ZixflowApiErrorDetails {
  /** HTTP status code of the answer (200 when Zixflow answered `status: false` with a 200). */
  status: number;
  /** Zixflow's own `message` field, verbatim, when the body had one. */
  zixflowMessage?: string;
  /** The API path that was called, e.g. `/api/v1/campaign/whatsapp/message/send`. */
  endpoint: string;
  /** The HTTP method of the request: `POST` for sends (the default), `GET` for reads such as template variables. */
  method?: string;
  /** The parsed response body (or its text when it was not JSON), kept for diagnosis. */
  body?: unknown;
  /** Whether repeating the request is safe; see {@link ZixflowError.retryable}. */
  retryable?: boolean;
  /** Requests made for this send, retries included. Defaults to 1: an answer means one was made. */
  attempts?: number;
}

/**
 * Zixflow answered, but not with a success. Subclasses say why; an answer that fits none of
 * them (404, a 2xx that is not Zixflow's success envelope, …) is thrown as this class itself,
 * with the status and body verbatim, because the API's error catalogue is not documented.
 */
export class ZixflowApiError extends ZixflowError {
  /** HTTP status code of the answer. */
  readonly status: number;
  /** Zixflow's `message`, verbatim, when present. */
  readonly zixflowMessage: string | undefined;
  /** The API path that was called. */
  readonly endpoint: string;
  /** The HTTP method of the request (`POST`, `GET`). */
  readonly method: string;
  /** The response body as received (parsed JSON or text). */
  readonly body: unknown;

  /** @param details - status, Zixflow's message, path and body of the failed answer. */
  constructor(details: ZixflowApiErrorDetails) {
    super(describeApiFailure(details), { retryable: details.retryable ?? false, attempts: details.attempts ?? 1 });
    this.status = details.status;
    this.zixflowMessage = details.zixflowMessage;
    this.endpoint = details.endpoint;
    this.method = details.method ?? 'POST';
    this.body = details.body;
  }
}

function describeApiFailure(details: ZixflowApiErrorDetails): string {
  const reason = details.zixflowMessage ?? 'no message in the response';
  return `Zixflow answered ${details.status} on ${details.method ?? 'POST'} ${details.endpoint}: ${reason}`;
}

/** Zixflow rejected the data: HTTP 400, or a body with `status: false` (`success: false` on the AI API), e.g. "Invalid data Provided". */
export class ZixflowBadRequestError extends ZixflowApiError {}

/**
 * HTTP 404 where Zixflow documents it as "not found": the AI API's delivery report of an unknown
 * `request_id`. Other 404s (a wrong `baseUrl` or path) stay plain {@link ZixflowApiError}s.
 */
export class ZixflowNotFoundError extends ZixflowApiError {}

/** The API key was missing, wrong, expired or not allowed: HTTP 401/403 or `"Unauthorised"`. */
export class ZixflowAuthError extends ZixflowApiError {}

/** HTTP 5xx from Zixflow. Only 503 is retryable: other 5xx may have sent the message. */
export class ZixflowServerError extends ZixflowApiError {
  /** How long Zixflow asked us to wait (`Retry-After`, usually sent with a 503), or undefined. */
  readonly retryAfterMs: number | undefined;

  /** @param details - the failed answer plus the parsed `Retry-After` delay, if any. */
  constructor(details: ZixflowApiErrorDetails & { retryAfterMs?: number }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** HTTP 429: too many requests. Always retryable, after {@link ZixflowRateLimitError.retryAfterMs}. */
export class ZixflowRateLimitError extends ZixflowApiError {
  /** How long Zixflow asked us to wait (from `Retry-After`), or undefined when it did not say. */
  readonly retryAfterMs: number | undefined;

  /** @param details - the failed answer plus the parsed `Retry-After` delay. */
  constructor(details: ZixflowApiErrorDetails & { retryAfterMs?: number }) {
    super({ ...details, retryable: true });
    this.retryAfterMs = details.retryAfterMs;
  }
}
