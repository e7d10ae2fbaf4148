import type { InboxCustomerMessage } from './shared/inbox-view.types';

type Parsed = { ok: true; message: InboxCustomerMessage } | { ok: false; problem: string };

/** The same limits WhatsApp applies to what a customer can send, so the app is never fed impossible input. */
const TEXT_MAX = 4096;
const NAME_MAX = 100;
const PHONE_ID_MAX = 64;
const BUTTON_ID_MAX = 256;
const BUTTON_TITLE_MAX = 20;
const KNOWN_KEYS = new Set(['customer', 'phoneId', 'name', 'text', 'reply']);

/** Checks a posted customer message; every problem is a sentence the page can show. */
export function parseInboxCustomerMessage(body: unknown): Parsed {
  if (!isObject(body)) return fail('Send a JSON object');
  const unknown = Object.keys(body).find((key) => !KNOWN_KEYS.has(key));
  if (unknown !== undefined) return fail(`Unknown field ${JSON.stringify(unknown)}`);
  const problem =
    stringProblem(body.customer, 'customer', 40, true) ??
    stringProblem(body.phoneId, 'phoneId', PHONE_ID_MAX, false) ??
    stringProblem(body.name, 'name', NAME_MAX, false) ??
    contentProblem(body);
  if (problem !== undefined) return fail(problem);
  return { ok: true, message: messageOf(body) };
}

/** Copies only the known fields, so nothing unexpected travels on to the app. */
function messageOf(body: Record<string, unknown>): InboxCustomerMessage {
  const reply = isObject(body.reply) ? { id: String(body.reply.id), title: String(body.reply.title) } : undefined;
  return {
    customer: String(body.customer),
    ...(typeof body.phoneId === 'string' && { phoneId: body.phoneId }),
    ...(typeof body.name === 'string' && { name: body.name }),
    ...(typeof body.text === 'string' && { text: body.text }),
    ...(reply !== undefined && { reply }),
  };
}

function contentProblem(body: Record<string, unknown>): string | undefined {
  if ((body.text === undefined) === (body.reply === undefined)) return 'Give either text or reply';
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
