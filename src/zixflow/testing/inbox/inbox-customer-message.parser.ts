import type { InboxCustomerMessage } from './shared/inbox-view.types';

type Parsed = { ok: true; message: InboxCustomerMessage } | { ok: false; problem: string };

/** The same limits WhatsApp applies to what a customer can send, so the app is never fed impossible input. */
const TEXT_MAX = 4096;
const NAME_MAX = 100;
const PHONE_ID_MAX = 64;
/** The longest account name the sandbox accepts; whether the account exists is the routes' check. */
const ACCOUNT_MAX = 64;
const BUTTON_ID_MAX = 256;
const BUTTON_TITLE_MAX = 20;
/** Meta's list row limits: a picked row comes back with these. */
const ROW_ID_MAX = 200;
const ROW_TITLE_MAX = 24;
const ROW_DESCRIPTION_MAX = 72;
const KNOWN_KEYS = new Set(['customer', 'account', 'phoneId', 'name', 'text', 'reply', 'listReply']);
const CONTENT_KEYS = ['text', 'reply', 'listReply'] as const;

/** Checks a posted customer message; every problem is a sentence the page can show. */
export function parseInboxCustomerMessage(body: unknown): Parsed {
  if (!isObject(body)) return fail('Send a JSON object');
  const unknown = Object.keys(body).find((key) => !KNOWN_KEYS.has(key));
  if (unknown !== undefined) return fail(`Unknown field ${JSON.stringify(unknown)}`);
  const problem =
    stringProblem(body.customer, 'customer', 40, true) ??
    stringProblem(body.account, 'account', ACCOUNT_MAX, false) ??
    stringProblem(body.phoneId, 'phoneId', PHONE_ID_MAX, false) ??
    stringProblem(body.name, 'name', NAME_MAX, false) ??
    contentProblem(body);
  if (problem !== undefined) return fail(problem);
  return { ok: true, message: messageOf(body) };
}

/** Copies only the known fields, so nothing unexpected travels on to the app. */
function messageOf(body: Record<string, unknown>): InboxCustomerMessage {
  const reply = isObject(body.reply) ? { id: String(body.reply.id), title: String(body.reply.title) } : undefined;
  const row = isObject(body.listReply) ? body.listReply : undefined;
  const listReply =
    row === undefined
      ? undefined
      : {
          id: String(row.id),
          title: String(row.title),
          ...(typeof row.description === 'string' && { description: row.description }),
        };
  return {
    customer: String(body.customer),
    ...(typeof body.account === 'string' && { account: body.account }),
    ...(typeof body.phoneId === 'string' && { phoneId: body.phoneId }),
    ...(typeof body.name === 'string' && { name: body.name }),
    ...(typeof body.text === 'string' && { text: body.text }),
    ...(reply !== undefined && { reply }),
    ...(listReply !== undefined && { listReply }),
  };
}

function contentProblem(body: Record<string, unknown>): string | undefined {
  if (CONTENT_KEYS.filter((key) => body[key] !== undefined).length !== 1) {
    return 'Give exactly one of text, reply or listReply';
  }
  if (body.listReply !== undefined) return rowProblem(body.listReply);
  if (body.text !== undefined) {
    return typeof body.text === 'string' && body.text.trim() !== ''
      ? stringProblem(body.text, 'text', TEXT_MAX, true)
      : 'text must not be empty';
  }
  const reply = body.reply;
  if (!isObject(reply)) return 'reply must be an object with id and title';
  return (
    stringProblem(reply.id, 'reply.id', BUTTON_ID_MAX, true) ??
    stringProblem(reply.title, 'reply.title', BUTTON_TITLE_MAX, true)
  );
}

function rowProblem(row: unknown): string | undefined {
  if (!isObject(row)) return 'listReply must be an object with id and title';
  return (
    stringProblem(row.id, 'listReply.id', ROW_ID_MAX, true) ??
    stringProblem(row.title, 'listReply.title', ROW_TITLE_MAX, true) ??
    stringProblem(row.description, 'listReply.description', ROW_DESCRIPTION_MAX, false)
  );
}

function stringProblem(value: unknown, name: string, max: number, required: boolean): string | undefined {
  if (value === undefined) return required ? `${name} is required` : undefined;
  if (typeof value !== 'string' || value === '') return `${name} must be a non-empty string`;
  return value.length > max ? `${name} must be at most ${max} characters` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: string): Parsed {
  return { ok: false, problem };
}
