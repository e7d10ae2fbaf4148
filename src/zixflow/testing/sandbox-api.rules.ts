import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { checkSessionMessageBody } from './checks/session-message.checks';
import { checkTemplateMessageBody } from './checks/template-message.checks';
import { isJsonContentType } from './sandbox-json-content-type';
import type { ReceivedBody } from './sandbox-request.reader';
import { sendJson } from './sandbox-responses';
import { SANDBOX_VARIABLE_KEYS_PATH, type SandboxTemplateRegistry } from './sandbox-template-registry';
import type { SandboxRecordedRequest, SandboxSentMessage } from './zixflow-sandbox.types';

const SESSION_MESSAGE_PATH = '/api/v1/campaign/whatsapp/message/send';
const TEMPLATE_MESSAGE_PATH = '/api/v1/campaign/whatsapp/send';

type BodyCheck = (body: unknown) => string[];

const SEND_ROUTES: ReadonlyMap<string, BodyCheck> = new Map([
  [SESSION_MESSAGE_PATH, checkSessionMessageBody],
  [TEMPLATE_MESSAGE_PATH, checkTemplateMessageBody],
]);

/** What the normal (unscripted) API logic decided for one request. */
interface Verdict {
  status: number;
  payload: Record<string, unknown>;
  headers?: Record<string, string>;
  accepted?: { path: string; body: Record<string, unknown> };
}

type JsonObjectRead = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

/**
 * The fake API's own answers, when no script overrides them: the two send endpoints and the
 * template variable keys, behind the API key. Accepted sends are kept and handed to `onAccepted`,
 * which starts their life in the conversations, the status timeline and the delivery reports.
 */
export class SandboxApiRules {
  private readonly accepted: SandboxSentMessage[] = [];

  constructor(
    private readonly apiKey: string,
    private readonly templates: SandboxTemplateRegistry,
    private readonly onAccepted: (message: SandboxSentMessage) => void,
  ) {}

  /** A copy of the accepted sends, oldest first. */
  get messages(): SandboxSentMessage[] {
    return [...this.accepted];
  }

  /** Answers one recorded API request. */
  answer(res: ServerResponse, request: SandboxRecordedRequest, received: ReceivedBody): void {
    if (request.path === SANDBOX_VARIABLE_KEYS_PATH && request.method === 'GET') {
      this.answerVariableKeys(res, request);
      return;
    }
    const verdict = judgeRequest(request, received, this.apiKey);
    if (verdict.accepted === undefined) {
      sendJson(res, verdict.status, verdict.payload, verdict.headers);
      return;
    }
    const message = this.accept(verdict.accepted.path, verdict.accepted.body, request.receivedAt);
    const ids =
      verdict.accepted.body.submissionStatus === true
        ? { campaignId: message.campaignId, messageId: message.messageId }
        : {};
    sendJson(res, verdict.status, { ...verdict.payload, ...ids });
  }

  /** Forgets the accepted sends. */
  clear(): void {
    this.accepted.length = 0;
  }

  private answerVariableKeys(res: ServerResponse, request: SandboxRecordedRequest): void {
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      sendJson(res, 401, { status: false, message: 'Unauthorised' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    const answer = this.templates.answer(request.query);
    sendJson(res, answer.status, answer.payload);
  }

  private accept(path: string, body: Record<string, unknown>, receivedAt: Date): SandboxSentMessage {
    const message: SandboxSentMessage = { messageId: objectId(), campaignId: objectId(), path, body, receivedAt };
    this.accepted.push(message);
    this.onAccepted(message);
    return message;
  }
}

/**
 * The order mirrors a typical API gateway: route, then method, then auth,
 * then content, then business validation. Tests rely on it (a bad key with a
 * bad body must give 401, not 400).
 */
function judgeRequest(request: SandboxRecordedRequest, received: ReceivedBody, apiKey: string): Verdict {
  const check = SEND_ROUTES.get(request.path);
  if (check === undefined) return { status: 404, payload: { status: false, message: 'Not found' } };
  if (request.method !== 'POST') {
    return { status: 405, payload: { status: false, message: 'Method not allowed' }, headers: { allow: 'POST' } };
  }
  if (request.headers.authorization !== `Bearer ${apiKey}`) {
    return {
      status: 401,
      payload: { status: false, message: 'Unauthorised' },
      headers: { 'www-authenticate': 'Bearer' },
    };
  }
  const content = readJsonObject(request, received);
  if (!content.ok) return invalidData([content.problem]);
  const problems = check(content.body);
  if (problems.length > 0) return invalidData(problems);
  return {
    status: 200,
    payload: { status: true, message: 'Message sent successfully' },
    accepted: { path: request.path, body: content.body },
  };
}

/** Narrows the recorded body to a JSON object, or says why it cannot be one. */
function readJsonObject(request: SandboxRecordedRequest, received: ReceivedBody): JsonObjectRead {
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

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidData(details: string[]): Verdict {
  return { status: 400, payload: { status: false, message: 'Invalid data Provided', details } };
}

/** 24 hex chars: the real API returns Mongo ObjectIds, and clients may validate that shape. */
function objectId(): string {
  return randomBytes(12).toString('hex');
}
