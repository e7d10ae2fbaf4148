import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { parseJsonKeepingDigits } from '../../core/json/parse-json-keeping-digits';
import { isJsonObject, JsonObject } from '../../core/json/payload-fields';
import { ZIXFLOW_WEBHOOK_MAX_BODY_DEPTH } from '../zixflow-webhooks.constants';
import { checkJsonShape } from './check-json-shape';
import { MaybePromise } from './maybe-promise';
import { drain, nodeRequestOf, readUpTo } from './read-request-stream';
import { ZixflowWebhookHttpRequest } from './zixflow-webhook-http-request.interface';

/**
 * Reads a webhook body as a JSON object, enforcing the size cap and the nesting limit whatever the
 * application's HTTP platform and body parser did. Nest registers its parser for the whole app
 * before any module runs (Express), or the platform parses before any handler (Fastify), so the
 * body can arrive in three states, read generically from the request:
 * - nothing read it yet (`bodyParser: false` on Express, or a content type the app does not
 *   parse): it is read here from the Node request, and reading stops keeping bytes past the cap;
 * - Nest kept the raw bytes (`rawBody: true`, on either platform): those are measured and parsed;
 * - the app's parser already parsed it (the default for JSON): the declared `Content-Length`, or
 *   the size of the parsed value when there is none (chunked upload), is checked against the cap.
 *   Malformed JSON, bodies above the parser's own limit (100 KB on Express, 1 MB on Fastify by
 *   default) and, on Fastify, content types it has no parser for are refused by the app before
 *   this runs, with the app's own 400 / 413 / 415.
 *
 * In every state the parsed body is then walked without recursion and refused when it nests more
 * than {@link ZIXFLOW_WEBHOOK_MAX_BODY_DEPTH} (64) levels, so one deep body gets one answer,
 * never a stack overflow's 500.
 *
 * With `keepLongIntegers`, integers beyond 2^53 (the AI API's post-back `message_id`) are kept as
 * strings of their exact digits whenever the bytes are read here (not yet read, or `rawBody: true`);
 * a body the app's parser already parsed holds them rounded, which the report parser then leaves out.
 *
 * @throws PayloadTooLargeException (413) above `maxBytes`; BadRequestException (400) for a body
 *   that is not a JSON object, or `Webhook body nested deeper than 64 levels`;
 *   UnsupportedMediaTypeException (415) for a compressed body nobody decoded. Thrown at once when
 *   the body was already read (no promise on that path, the common one), rejected otherwise.
 */
export function readWebhookJson(
  request: ZixflowWebhookHttpRequest,
  maxBytes: number,
  options: { keepLongIntegers?: boolean } = NO_OPTIONS,
): MaybePromise<JsonObject> {
  const parse = options.keepLongIntegers === true ? parseJsonKeepingDigits : parseJson;
  // The parsed body first: the common case then never looks up the Node stream, a lookup that
  // misses along the request's long prototype chain and cost about 0.3 µs a webhook in a running app.
  const bodyWasRead = request.body !== undefined || nodeRequestOf(request).readableEnded;
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    if (!bodyWasRead) {
      return drain(nodeRequestOf(request)).then(() => Promise.reject(tooLarge(maxBytes)));
    }
    throw tooLarge(maxBytes);
  }
  if (Buffer.isBuffer(request.rawBody)) {
    return parseJsonObject(checkSize(request.rawBody, maxBytes), parse);
  }
  if (bodyWasRead) {
    // A compressed body is inflated by the parser, so its Content-Length says nothing of its size.
    return checkParsedBody(request, maxBytes, declared !== undefined && isIdentityEncoded(request), parse);
  }
  return readUnread(request, nodeRequestOf(request), maxBytes, parse);
}

const NO_OPTIONS: { keepLongIntegers?: boolean } = {};

/** The body nobody read yet: read here, keeping at most `maxBytes`. */
async function readUnread(
  request: ZixflowWebhookHttpRequest,
  stream: IncomingMessage,
  maxBytes: number,
  parse: JsonParse,
): Promise<JsonObject> {
  if (!isIdentityEncoded(request)) {
    await drain(stream);
    throw new UnsupportedMediaTypeException('Compressed webhook bodies are not supported');
  }
  return parseJsonObject(checkSize(await readUpTo(stream, maxBytes), maxBytes), parse);
}

type JsonParse = (text: string) => unknown;

const parseJson: JsonParse = (text) => JSON.parse(text);

function declaredLength(request: ZixflowWebhookHttpRequest): number | undefined {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * A body some other parser produced: JSON (object), text or raw bytes are accepted; a form is not
 * JSON. Without a Content-Length that vouches for the size (chunked or compressed upload) only the
 * parsed value can tell it.
 */
function checkParsedBody(
  request: ZixflowWebhookHttpRequest,
  maxBytes: number,
  sizeDeclared: boolean,
  parse: JsonParse,
): JsonObject {
  const body = request.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    return parseJsonObject(checkSize(Buffer.from(body), maxBytes), parse);
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new BadRequestException('Webhook body must be a JSON object sent as application/json');
  }
  return requireObject(checkShape(body, sizeDeclared ? undefined : maxBytes));
}

function checkSize(bytes: Buffer | undefined, maxBytes: number): Buffer {
  if (bytes === undefined || bytes.length > maxBytes) {
    throw tooLarge(maxBytes);
  }
  return bytes;
}

function parseJsonObject(bytes: Buffer, parse: JsonParse): JsonObject {
  let parsed: unknown;
  try {
    // JSON.parse is iterative in V8, so a deep body parses; checkShape then refuses it.
    parsed = parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BadRequestException('Webhook body must be valid JSON (UTF-8)');
  }
  return requireObject(checkShape(parsed, undefined));
}

/** The nesting limit, and the size cap when the size is still unknown; see {@link checkJsonShape}. */
function checkShape(body: unknown, sizeCap: number | undefined): unknown {
  const verdict = checkJsonShape(body, { maxDepth: ZIXFLOW_WEBHOOK_MAX_BODY_DEPTH, maxBytes: sizeCap });
  if (verdict === 'too-large' && sizeCap !== undefined) {
    throw tooLarge(sizeCap);
  }
  if (verdict === 'too-deep') {
    throw new BadRequestException(`Webhook body nested deeper than ${ZIXFLOW_WEBHOOK_MAX_BODY_DEPTH} levels`);
  }
  return body;
}

function requireObject(body: unknown): JsonObject {
  if (!isJsonObject(body)) {
    throw new BadRequestException('Webhook body must be a JSON object');
  }
  return body;
}

function isIdentityEncoded(request: ZixflowWebhookHttpRequest): boolean {
  const encoding = request.headers['content-encoding'];
  return encoding === undefined || encoding.trim().toLowerCase() === 'identity';
}

function isJsonContentType(header: string | undefined): boolean {
  if (header === 'application/json') {
    return true; // what Zixflow sends; spares splitting and lower-casing the header on each delivery
  }
  const mediaType = header?.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}

function tooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`Webhook body is larger than ${maxBytes} bytes`);
}
