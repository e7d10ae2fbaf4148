import { isJsonContentType } from './sandbox-json-content-type';
import type { ReceivedBody } from './sandbox-request.reader';
import type { SandboxRecordedRequest } from './zixflow-sandbox.types';

/** A send body read as a JSON object, or why it cannot be one. */
export type JsonObjectRead = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

/** Narrows the recorded body to a JSON object, or says why it cannot be one; both APIs take JSON only. */
export function readJsonObject(request: SandboxRecordedRequest, received: ReceivedBody): JsonObjectRead {
  const contentType = request.headers['content-type'];
  if (typeof contentType !== 'string' || !isJsonContentType(contentType)) {
    return {
      ok: false,
      problem: `content-type: must be application/json (got ${JSON.stringify(contentType ?? null)})`,
    };
  }
  if (!received.validUtf8) return { ok: false, problem: 'body: must be valid UTF-8' };
  const body = request.body;
  if (body === undefined) return { ok: false, problem: 'body: must be valid JSON' };
  if (!isJsonObject(body)) return { ok: false, problem: 'body: must be a JSON object' };
  return { ok: true, body };
}

/** A JSON object: not an array, not null. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
