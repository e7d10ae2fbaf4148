import {
  ZixflowApiError,
  ZixflowApiErrorDetails,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowRateLimitError,
  ZixflowServerError,
} from '../../../core/errors/zixflow-api.error';
import { ZixflowSendResult } from '../../../core/messages/zixflow-send-result.interface';
import { redactSecret } from '../../../core/json/redact-secret';
import { parseRetryAfter } from './retry-after';

/** The parts of an HTTP answer the mapper needs; independent of axios so it is easy to test. */
export interface ZixflowHttpAnswer {
  status: number;
  headers: Record<string, unknown>;
  data: unknown;
}

/** Which request an answer belongs to, as its error names it. */
export interface ZixflowAnsweredRequest {
  /** The HTTP method used: `POST` for sends, `GET` for reads. */
  method: string;
  /** The API path that was called. */
  endpoint: string;
}

/** Zixflow's words for a bad key: `Unauthorised` (WhatsApp, SMS) and `No token provided` (e-mail). */
const AUTH_MESSAGES = /unauthori[sz]ed|no token provided/i;

/** Texts longer than this (HTML error pages) are cut before they are attached to an error. */
const MAX_BODY_TEXT = 2000;

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Zixflow's success envelope: `status: true` on the campaign API and in older copies of the AI
 * API's docs, `success: true` in the current AI docs (§3.0); either is read, `success` first.
 */
function isSuccessEnvelope(body: unknown): body is JsonObject {
  return isJsonObject(body) && (body.success ?? body.status) === true;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Ids are strings in the docs; a numeric id from a variant endpoint is kept as its decimal text. */
function optionalId(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : optionalString(value);
}

/**
 * Turns an HTTP answer into the send result, or throws the typed error for it. A 2xx with
 * `status: false` is a failure: Zixflow reports some errors that way. `secret` (the API key) is
 * removed from anything of the answer that goes into the error.
 *
 * @param attempts - requests made for this send so far, this one included.
 */
export function mapZixflowAnswer(
  answer: ZixflowHttpAnswer,
  endpoint: string,
  secret: string | readonly string[],
  attempts = 1,
): ZixflowSendResult {
  const { status, data } = answer;
  if (status >= 200 && status < 300 && isSuccessEnvelope(data)) {
    return toSendResult(data);
  }
  // Sends are the only POSTs; reads go through readZixflowEnvelope with their own method.
  throw toApiError(redactSecret({ ...answer, data }, secret), { method: 'POST', endpoint }, attempts);
}

/**
 * Like {@link mapZixflowAnswer} for read endpoints: resolves with Zixflow's whole success envelope
 * (its `data` differs per endpoint) or throws the same typed errors.
 */
export function readZixflowEnvelope(
  answer: ZixflowHttpAnswer,
  request: ZixflowAnsweredRequest,
  secret: string | readonly string[],
): Record<string, unknown> {
  const { status, data } = answer;
  if (status >= 200 && status < 300 && isSuccessEnvelope(data)) {
    return data;
  }
  throw toApiError(redactSecret({ ...answer, data }, secret), request, 1);
}

function toSendResult(body: JsonObject): ZixflowSendResult {
  const result: ZixflowSendResult = { status: true, message: optionalString(body.message) ?? '' };
  const messageId = optionalId(body.messageId);
  const campaignId = optionalId(body.campaignId);
  // The AI API's id of the send (§3.0); camelCase read too, since Zixflow mixes styles elsewhere.
  const requestId = optionalId(body.request_id ?? body.requestId);
  if (messageId !== undefined) {
    result.messageId = messageId;
  }
  if (campaignId !== undefined) {
    result.campaignId = campaignId;
  }
  if (requestId !== undefined) {
    result.requestId = requestId;
  }
  return result;
}

function toApiError(answer: ZixflowHttpAnswer, request: ZixflowAnsweredRequest, attempts: number): ZixflowApiError {
  const zixflowMessage = isJsonObject(answer.data) ? optionalString(answer.data.message) : undefined;
  const details: ZixflowApiErrorDetails = {
    status: answer.status,
    zixflowMessage: zixflowMessage ?? describeUnexpectedBody(answer),
    endpoint: request.endpoint,
    method: request.method,
    body: typeof answer.data === 'string' ? answer.data.slice(0, MAX_BODY_TEXT) : answer.data,
    attempts,
  };
  const { status } = answer;
  // The status code decides first: a 429 or 5xx that happens to say "Unauthorised" is still retryable.
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
  if (status === 429) {
    return new ZixflowRateLimitError({ ...details, retryAfterMs });
  }
  if (status >= 500) {
    return new ZixflowServerError({ ...details, retryable: status === 503, retryAfterMs });
  }
  if (status === 401 || status === 403 || AUTH_MESSAGES.test(zixflowMessage ?? '')) {
    return new ZixflowAuthError(details);
  }
  // status: false (success: false on the AI API) in a 2xx is Zixflow refusing the data; other codes
  // (404 after a wrong base URL, a redirect) say nothing about the message and stay generic API errors.
  const refusedIn2xx =
    status < 300 && isJsonObject(answer.data) && (answer.data.success ?? answer.data.status) === false;
  if (status === 400 || status === 413 || status === 422 || refusedIn2xx) {
    return new ZixflowBadRequestError(details);
  }
  return new ZixflowApiError(details);
}

/** A message for answers without Zixflow's `message`: HTML from a proxy, empty bodies, other JSON. */
function describeUnexpectedBody(answer: ZixflowHttpAnswer): string | undefined {
  if (answer.status >= 200 && answer.status < 300) {
    return 'the response is not a Zixflow success ({ "status": true } or { "success": true })';
  }
  if (typeof answer.data === 'string' && answer.data.trim() !== '') {
    return `non-JSON response (${String(answer.headers['content-type'] ?? 'no content-type')})`;
  }
  return undefined;
}
