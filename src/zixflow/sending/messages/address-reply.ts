import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { ZixflowReplyMessage, ZixflowReplyTarget, ZixflowReplyType } from './zixflow-reply-message.type';

/** Every kind a reply may be; `satisfies` makes a kind added to the reply type without being listed here a compile error. */
const REPLY_TYPE_SET = {
  text: true,
  image: true,
  video: true,
  audio: true,
  document: true,
  location: true,
  interactive: true,
  sticker: true,
  contacts: true,
  reaction: true,
  list: true,
  cta_url: true,
  location_request: true,
  address_request: true,
} as const satisfies Record<ZixflowReplyType, true>;

const REPLY_TYPES = Object.keys(REPLY_TYPE_SET) as ZixflowReplyType[];

/** A reply turned into what a send method takes: its type, and its fields addressed to the customer. */
export interface AddressedReply {
  type: ZixflowReplyType;
  message: Record<string, unknown>;
}

/**
 * Addresses a reply to the customer who wrote, from the number they wrote to. Refuses what the
 * types forbid but plain JavaScript callers can still pass: an unknown `type`, or `to` / `phoneId`
 * in the reply, which would silently send the answer somewhere else.
 */
export function addressReply(incoming: ZixflowReplyTarget, reply: ZixflowReplyMessage): AddressedReply {
  const problems = findProblems(incoming, reply);
  if (problems.length > 0) {
    throw new ZixflowValidationError(problems);
  }
  const { type, ...fields } = reply;
  const phoneId = incoming.phoneId;
  return { type, message: { ...fields, to: incoming.sender.number, ...(phoneId === undefined ? {} : { phoneId }) } };
}

function findProblems(incoming: ZixflowReplyTarget, reply: ZixflowReplyMessage): string[] {
  const problems: string[] = [];
  if (typeof incoming?.sender?.number !== 'string') {
    problems.push('incoming.sender.number is required to reply: pass the incoming message');
  }
  if (typeof reply !== 'object' || reply === null) {
    return [...problems, 'reply must be an object'];
  }
  if (!REPLY_TYPES.includes(reply.type)) {
    problems.push(`type must be one of ${REPLY_TYPES.join(', ')}`);
  }
  for (const field of ['to', 'phoneId'] as const) {
    if (field in reply) {
      problems.push(`${field} is taken from the incoming message; remove it from the reply`);
    }
  }
  return problems;
}
