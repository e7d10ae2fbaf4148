import type { SandboxTemplateRegistry } from './sandbox-template-registry';
import type {
  SandboxMessageStatus,
  SandboxRecordedRequest,
  SandboxSentMessage,
  SandboxWhatsappAccount,
} from './zixflow-sandbox.types';

/** An answer of a data endpoint: status and JSON payload. */
export interface DataAnswer {
  status: number;
  payload: Record<string, unknown>;
}

/** What the data endpoints read: accounts, templates, and the sends with their statuses. */
export interface SandboxAiData {
  workspaceId: string;
  accounts: readonly SandboxWhatsappAccount[];
  templates: SandboxTemplateRegistry;
  /** The accepted AI send that answered with `requestId`. */
  findByRequestId(requestId: string): SandboxSentMessage | undefined;
  /** Where a message is on its timeline. */
  stateOf(messageId: string): { status: SandboxMessageStatus; changedAt: Date } | undefined;
}

const ACCOUNTS_PATH = '/api/data/whatsapp/v1/accounts';
const DELIVERY_REPORT_PATH = '/api/data/messages/v1/delivery-report';
/** `/api/data/whatsapp/v1/{phone_id}/templates` and `/variable-keys`; the id is one path segment. */
const PHONE_DATA_PATH = /^\/api\/data\/whatsapp\/v1\/([^/]+)\/(templates|variable-keys)$/;

/** Whether `path` is one of the AI API's data endpoints (all GET, §3.16-§3.19). */
export function isAiDataPath(path: string): boolean {
  return path === ACCOUNTS_PATH || path === DELIVERY_REPORT_PATH || PHONE_DATA_PATH.test(path);
}

/**
 * The AI API's data endpoints, answered as the docs show them: the accounts list (§3.16), the
 * templates of a number one page at a time (§3.17), a template's variables (§3.18) and the delivery
 * report of a send by its `request_id` (§3.19; 404 for an unknown id, with the report's own
 * camelCase `statusAt`). Called once the route, method and credentials were checked.
 */
export function answerAiData(request: SandboxRecordedRequest, data: SandboxAiData): DataAnswer {
  if (request.path === ACCOUNTS_PATH) {
    const accounts = data.accounts.map((account) => ({ ...account }));
    return {
      status: 200,
      payload: { success: true, message: 'Successfully fetched WhatsApp accounts', data: accounts },
    };
  }
  if (request.path === DELIVERY_REPORT_PATH) return deliveryReport(request.query, data);
  const [, encodedPhoneId, resource] = PHONE_DATA_PATH.exec(request.path) ?? [];
  const phoneId = decodeURIComponent(encodedPhoneId ?? '');
  return resource === 'templates'
    ? data.templates.answerAiTemplates(phoneId, request.query)
    : data.templates.answerAiVariables(phoneId, request.query);
}

function deliveryReport(query: Record<string, string>, data: SandboxAiData): DataAnswer {
  const requestId = query.request_id;
  if (!requestId) {
    const details = ['request_id: is required'];
    return { status: 400, payload: { success: false, message: 'Invalid data Provided', details } };
  }
  const message = data.findByRequestId(requestId);
  const state = message === undefined ? undefined : data.stateOf(message.messageId);
  if (message === undefined || state === undefined) {
    return { status: 404, payload: { success: false, message: 'Delivery report not found' } };
  }
  const report = {
    channel: 'whatsapp',
    message_id: message.wamid,
    recipient: message.to,
    request_id: requestId,
    status: state.status,
    statusAt: state.changedAt.toISOString(),
    remark: '',
    workspace_id: data.workspaceId,
  };
  return { status: 200, payload: { success: true, message: 'Delivery report retrieved successfully', data: report } };
}
