import type { ServerResponse } from 'node:http';
import type { SandboxScriptedResponse } from './zixflow-sandbox.types';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Answers with a JSON body, as the real API does for every answer it gives. */
export function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(payload), { 'content-type': JSON_CONTENT_TYPE, ...headers });
}

/** Plays a scripted answer: its headers win over the JSON default, so a test can send an HTML error page. */
export function sendScripted(res: ServerResponse, script: SandboxScriptedResponse): void {
  const body =
    script.body === undefined ? '' : typeof script.body === 'string' ? script.body : JSON.stringify(script.body);
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE };
  for (const [name, value] of Object.entries(script.headers ?? {})) headers[name.toLowerCase()] = value;
  sendRaw(res, script.status ?? 200, body, headers);
}

/** 204 and 304 must not carry a body, so a scripted body is dropped rather than framing the response wrongly. */
function sendRaw(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  const content = status === 204 || status === 304 ? '' : body;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(content)) });
  res.end(content);
}

/** Last resort: a bug in the sandbox must surface as a 500 the test can see, never as a hang. */
export function respondToFailure(res: ServerResponse, error: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendJson(res, 500, { status: false, message: `Sandbox error: ${message}` }, { connection: 'close' });
}
