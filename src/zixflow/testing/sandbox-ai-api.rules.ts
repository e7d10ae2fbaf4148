import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AI_INGEST_PREFIXES, aiSendRouteOf, checkAiMessageBody, type AiSendRoute } from './checks/ai-message.checks';
import type { SandboxAccountSettings } from './sandbox-account.settings';
import { answerAiData, isAiDataPath, type SandboxAiData } from './sandbox-ai-data.answers';
import { readJsonObject } from './sandbox-request-content';
import type { ReceivedBody } from './sandbox-request.reader';
import { sendJson } from './sandbox-responses';
import type { SandboxRecordedRequest, SandboxSentMessage } from './zixflow-sandbox.types';

/** What the AI rules need from the sandbox: whose credentials a call carries, data, and a place to put an accepted send. */
export interface SandboxAiBackend extends Pick<SandboxAiData, 'templates' | 'stateOf'> {
  /** The account whose `x-api-key` and, with it, own `x-workspace-id` the call carries; undefined for none (401). */
  accountOf(request: SandboxRecordedRequest): SandboxAccountSettings | undefined;
  /** The accepted AI send of `account` that answered with `requestId`: one account never sees another's. */
  findByRequestId(requestId: string, account: SandboxAccountSettings): SandboxSentMessage | undefined;
  /** Stores an accepted send and starts its life; the ids are the AI API's. */
  accept(send: AcceptedAiSend): void;
}

/** An AI send that passed every check, with the ids the sandbox answers and reports with. */
export interface AcceptedAiSend {
  /** The account whose credentials sent it. */
  account: SandboxAccountSettings;
  path: string;
  route: AiSendRoute;
  body: Record<string, unknown>;
  receivedAt: Date;
  requestId: string;
  wamid: string;
  zixflowMessageId: string;
}

/** Whether a path belongs to the AI API (sends under either ingest prefix, or data). */
export function isAiPath(path: string): boolean {
  return isAiDataPath(path) || AI_INGEST_PREFIXES.some((prefix) => path.startsWith(`${prefix}/`));
}

/**
 * The fake AI API (docs §3): one POST path per kind under `/api/ingest` (or the older
 * `/api/ingestion`), the data GETs under `/api/data`, every call behind `x-api-key` and
 * `x-workspace-id`. Answers `{ success: true, message, request_id }` for a send and
 * `{ success: false, message }` otherwise, checking in the order a gateway would: route, method,
 * credentials, content, then the body.
 */
export function answerAiRequest(
  res: ServerResponse,
  request: SandboxRecordedRequest,
  received: ReceivedBody,
  backend: SandboxAiBackend,
): void {
  const data = isAiDataPath(request.path);
  const route = data ? undefined : aiSendRouteOf(request.path);
  if (!data && route === undefined) {
    sendJson(res, 404, { success: false, message: 'Not found' });
    return;
  }
  const method = data ? 'GET' : 'POST';
  if (request.method !== method) {
    sendJson(res, 405, { success: false, message: 'Method not allowed' }, { allow: method });
    return;
  }
  // Both headers on every call (§3.0), and they must be one account's: the campaign API's Bearer header does not count here.
  const account = backend.accountOf(request);
  if (account === undefined) {
    sendJson(res, 401, { success: false, message: 'Unauthorized' });
    return;
  }
  if (route === undefined) {
    const answer = answerAiData(request, {
      workspaceId: account.workspaceId,
      accounts: account.whatsappAccounts,
      templates: backend.templates,
      findByRequestId: (requestId) => backend.findByRequestId(requestId, account),
      stateOf: (messageId) => backend.stateOf(messageId),
    });
    sendJson(res, answer.status, answer.payload);
    return;
  }
  answerSend(res, request, received, { route, account }, backend);
}

function answerSend(
  res: ServerResponse,
  request: SandboxRecordedRequest,
  received: ReceivedBody,
  { route, account }: { route: AiSendRoute; account: SandboxAccountSettings },
  backend: SandboxAiBackend,
): void {
  const content = readJsonObject(request, received);
  const problems = content.ok ? checkAiMessageBody(route, content.body) : [content.problem];
  if (!content.ok || problems.length > 0) {
    sendJson(res, 400, { success: false, message: 'Invalid data Provided', details: problems });
    return;
  }
  const requestId = randomUUID();
  backend.accept({
    account,
    path: request.path,
    route,
    body: content.body,
    receivedAt: request.receivedAt,
    requestId,
    wamid: `wamid.${randomBytes(24).toString('base64url')}`,
    zixflowMessageId: bigMessageId(),
  });
  sendJson(res, 200, { success: true, message: 'WhatsApp request queued successfully', request_id: requestId });
}

/**
 * An 18-digit id like the documented `604132581490819100`: above 2^53, so a client that reads it
 * as a JavaScript number loses its last digits. The last digit is never 0: a double keeps at most
 * 17 significant digits, so such an id can never come back right from a number, and the loss shows
 * instead of hiding in an id that happens to round to itself.
 */
function bigMessageId(): string {
  return `6041${randomInt(10_000_000, 100_000_000)}${randomInt(10_000, 100_000)}${randomInt(1, 10)}`;
}
