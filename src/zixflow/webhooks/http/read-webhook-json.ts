import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { isJsonObject, JsonObject } from '../../core/json/payload-fields';
import { ZixflowWebhookHttpRequest } from './zixflow-webhook-http-request.interface';

/**
 * Reads a webhook body as a JSON object, enforcing the size cap whatever the application's own
 * body parser does. Nest registers its parser for the whole app before any module runs, so there
 * are three cases:
 * - nothing read the body yet (`bodyParser: false`, or a content type the app does not parse):
 *   it is read here, and reading stops keeping bytes past the cap;
 * - Nest kept the raw bytes (`rawBody: true`): those are measured and parsed;
 * - the app's parser already parsed it (the default for JSON): the declared `Content-Length`, or
 *   the re-encoded size when there is none, is checked against the cap. Malformed JSON and bodies
 *   above the parser's own limit (100 KB by default) are refused by that parser with 400 / 413.
 *
 * @throws PayloadTooLargeException (413), BadRequestException (400) or UnsupportedMediaTypeException (415).
 */
export async function readWebhookJson(request: ZixflowWebhookHttpRequest, maxBytes: number): Promise<JsonObject> {
  const bodyWasRead = request.readableEnded || request.body !== undefined;
  if (declaredLength(request) > maxBytes) {
    if (!bodyWasRead) {
      await drain(request);
    }
    throw tooLarge(maxBytes);
  }
  if (Buffer.isBuffer(request.rawBody)) {
    return parseJsonObject(checkSize(request.rawBody, maxBytes));
  }
  if (bodyWasRead) {
    return checkParsedBody(request, maxBytes);
  }
  if (!isIdentityEncoded(request)) {
    await drain(request);
    throw new UnsupportedMediaTypeException('Compressed webhook bodies are not supported');
  }
  return parseJsonObject(checkSize(await readUpTo(request, maxBytes), maxBytes));
}

function declaredLength(request: ZixflowWebhookHttpRequest): number {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : 0;
}

/** A body some other parser produced: JSON (object), text or raw bytes are accepted; a form is not JSON. */
function checkParsedBody(request: ZixflowWebhookHttpRequest, maxBytes: number): JsonObject {
  const body = request.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    return parseJsonObject(checkSize(Buffer.from(body), maxBytes));
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new BadRequestException('Webhook body must be a JSON object sent as application/json');
  }
  // Without Content-Length (chunked upload) the compact re-encoding is a lower bound of the real size.
  if (Buffer.byteLength(JSON.stringify(body) ?? '') > maxBytes) {
    throw tooLarge(maxBytes);
  }
  return requireObject(body);
}

function checkSize(bytes: Buffer | undefined, maxBytes: number): Buffer {
  if (bytes === undefined || bytes.length > maxBytes) {
    throw tooLarge(maxBytes);
  }
  return bytes;
}

function parseJsonObject(bytes: Buffer): JsonObject {
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestException('Webhook body must be valid JSON (UTF-8)');
  }
  return requireObject(parsed);
}

function requireObject(body: unknown): JsonObject {
  if (!isJsonObject(body)) {
    throw new BadRequestException('Webhook body must be a JSON object');
  }
  return body;
}

/**
 * Keeps at most `maxBytes` and resolves undefined when the body was larger. The rest is still read
 * and dropped (not cut off), so the sender reliably receives the 413 instead of a reset connection;
 * only callers that passed the secret check get this far.
 */
function readUpTo(request: ZixflowWebhookHttpRequest, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
      }
    });
    request.once('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks)));
    request.once('error', reject);
    request.once('close', () => {
      if (!request.readableEnded) {
        reject(new BadRequestException('The connection closed before the webhook body was complete'));
      }
    });
  });
}

function drain(request: ZixflowWebhookHttpRequest): Promise<void> {
  return readUpTo(request, 0).then(
    () => undefined,
    () => undefined,
  );
}

function isIdentityEncoded(request: ZixflowWebhookHttpRequest): boolean {
  const encoding = request.headers['content-encoding'];
  return encoding === undefined || encoding.trim().toLowerCase() === 'identity';
}

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}

function tooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`Webhook body is larger than ${maxBytes} bytes`);
}
