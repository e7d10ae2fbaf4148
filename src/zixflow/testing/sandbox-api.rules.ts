import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { checkSessionMessageBody } from './checks/session-message.checks';
import { checkTemplateMessageBody } from './checks/template-message.checks';
import type { SandboxAccountDirectory } from './sandbox-account.directory';
import type { SandboxAccountSettings } from './sandbox-account.settings';
import { answerAiRequest, isAiPath, type AcceptedAiSend } from './sandbox-ai-api.rules';
import { readJsonObject } from './sandbox-request-content';
import type { ReceivedBody } from './sandbox-request.reader';
import { sendJson } from './sandbox-responses';
import type { SandboxStatusTimeline } from './sandbox-status.timeline';
import { SANDBOX_VARIABLE_KEYS_PATH, type SandboxTemplateRegistry } from './sandbox-template-registry';
import type { SandboxMessageKind, SandboxRecordedRequest, SandboxSentMessage } from './zixflow-sandbox.types';

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

/** The accounts (whose credentials open the API) and the data both APIs answer with. */
export interface SandboxApiSettings {
  accounts: SandboxAccountDirectory;
  templates: SandboxTemplateRegistry;
  timeline: SandboxStatusTimeline;
}

/**
 * The fake API's own answers, when no script overrides them: the campaign API's two send
 * endpoints and template variable keys (behind the Bearer key), and the AI API (see
 * {@link answerAiRequest}). Accepted sends of both APIs are kept in one list and handed to
 * `onAccepted`, which starts their life in the conversations, the status timeline and the reports.
 */
export class SandboxApiRules {
  private readonly accepted: SandboxSentMessage[] = [];

  constructor(
    private readonly settings: SandboxApiSettings,
    private readonly onAccepted: (message: SandboxSentMessage) => void,
  ) {}

  /** A copy of the accepted sends, oldest first. */
  get messages(): SandboxSentMessage[] {
    return [...this.accepted];
  }

  /** Answers one recorded API request. */
  answer(res: ServerResponse, request: SandboxRecordedRequest, received: ReceivedBody): void {
    const { accounts, templates, timeline } = this.settings;
    if (isAiPath(request.path)) {
      answerAiRequest(res, request, received, {
        templates,
        accountOf: (call) => accounts.byAiHeaders(call.headers),
        findByRequestId: (requestId, account) =>
          this.accepted.find((message) => message.requestId === requestId && message.account === account.name),
        stateOf: (messageId) => timeline.stateOf(messageId),
        accept: (send) => this.acceptAi(send),
      });
      return;
    }
    if (request.path === SANDBOX_VARIABLE_KEYS_PATH && request.method === 'GET') {
      this.answerVariableKeys(res, request);
      return;
    }
    const account = accounts.byBearer(request.headers);
    const verdict = judgeRequest(request, received, account);
    if (verdict.accepted === undefined || account === undefined) {
      sendJson(res, verdict.status, verdict.payload, verdict.headers);
      return;
    }
    const { path, body } = verdict.accepted;
    const message = this.store({
      ...ids(),
      api: 'campaign',
      ...accountField(account),
      kind: campaignKindOf(path, body),
      to: String(body.to),
      phoneId: String(body.phoneId),
      path,
      body,
      receivedAt: request.receivedAt,
    });
    const returned =
      body.submissionStatus === true ? { campaignId: message.campaignId, messageId: message.messageId } : {};
    sendJson(res, verdict.status, { ...verdict.payload, ...returned });
  }

  /** Forgets the accepted sends. */
  clear(): void {
    this.accepted.length = 0;
  }

  private answerVariableKeys(res: ServerResponse, request: SandboxRecordedRequest): void {
    if (this.settings.accounts.byBearer(request.headers) === undefined) {
      sendJson(res, 401, { status: false, message: 'Unauthorised' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    const answer = this.settings.templates.answer(request.query);
    sendJson(res, answer.status, answer.payload);
  }

  private acceptAi(send: AcceptedAiSend): void {
    const { body } = send;
    this.store({
      ...ids(),
      api: 'ai',
      ...accountField(send.account),
      kind: send.route.kind,
      to: String(body.recipient),
      phoneId: String(body.phone_id),
      requestId: send.requestId,
      wamid: send.wamid,
      zixflowMessageId: send.zixflowMessageId,
      path: send.path,
      body,
      receivedAt: send.receivedAt,
    });
  }

  private store(message: SandboxSentMessage): SandboxSentMessage {
    this.accepted.push(message);
    this.onAccepted(message);
    this.settings.timeline.track(message);
    return message;
  }
}

/** A message's `account`: only for a named account, so the default account's records look as they did before accounts. */
function accountField(account: SandboxAccountSettings): { account?: string } {
  return account.name === undefined ? {} : { account: account.name };
}

/** The campaign API's kinds: the body's `type`, reply buttons and lists both being `interactive`. */
function campaignKindOf(path: string, body: Record<string, unknown>): SandboxMessageKind {
  if (path === TEMPLATE_MESSAGE_PATH) return 'template';
  if (body.type !== 'interactive') return body.type as SandboxMessageKind;
  const interactive = body.interactive as Record<string, unknown>;
  return interactive.type === 'list' ? 'list' : 'reply_buttons';
}

/**
 * The order mirrors a typical API gateway: route, then method, then auth,
 * then content, then business validation. Tests rely on it (a bad key with a
 * bad body must give 401, not 400).
 */
function judgeRequest(
  request: SandboxRecordedRequest,
  received: ReceivedBody,
  account: SandboxAccountSettings | undefined,
): Verdict {
  const check = SEND_ROUTES.get(request.path);
  if (check === undefined) return { status: 404, payload: { status: false, message: 'Not found' } };
  if (request.method !== 'POST') {
    return { status: 405, payload: { status: false, message: 'Method not allowed' }, headers: { allow: 'POST' } };
  }
  if (account === undefined) {
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

function invalidData(details: string[]): Verdict {
  return { status: 400, payload: { status: false, message: 'Invalid data Provided', details } };
}

/** 24 hex chars each: the real API returns Mongo ObjectIds, and clients may validate that shape. */
function ids(): { messageId: string; campaignId: string } {
  return { messageId: randomBytes(12).toString('hex'), campaignId: randomBytes(12).toString('hex') };
}
