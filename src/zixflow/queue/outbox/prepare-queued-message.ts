import { messageTypeOf } from '../../sending/messages/message-type-of';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessageFast } from '../../sending/messages/fast-message-check';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageKind } from '../../sending/messages/whatsapp-message-kinds';
import type { ZixflowQueuedMessage } from '../zixflow-queue-job.interface';

/**
 * Validates a message exactly as `ZixflowWhatsappService` will, and returns what to store: the DTO's
 * output (e.g. `to` as digits, coordinates as strings) with its `type`. BullMQ stores job data as its
 * JSON, so what Redis holds is plain data; nested values may still be DTO instances in memory, which
 * encode exactly as their plain copies would (a JSON round trip here cost about 0.8 µs a message, and
 * BullMQ encodes the data again anyway). Throws {@link ZixflowValidationError} for an invalid message,
 * so it is refused before Redis sees it. `phoneId` may still be missing: the worker fills it in from
 * its `defaultPhoneId`.
 */
export function prepareQueuedMessage(message: unknown): ZixflowQueuedMessage {
  const type = messageTypeOf(message);
  const kind: WhatsappMessageKind = WHATSAPP_MESSAGE_KINDS[type];
  const validated = validateMessageFast(kind.dto, message);
  return { ...(validated as object), type } as ZixflowQueuedMessage;
}

/** Most problem lines one `enqueueMany` error lists; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * Validates every message of a batch before any is stored, so a batch is enqueued whole or not at
 * all. Problems are reported together, each prefixed with the item's index (`3.to must …`).
 */
export function prepareQueuedMessages(messages: readonly unknown[]): ZixflowQueuedMessage[] {
  const problems: string[] = [];
  const prepared = messages.map((message, index) => {
    try {
      return prepareQueuedMessage(message);
    } catch (error) {
      if (!(error instanceof ZixflowValidationError)) {
        throw error;
      }
      problems.push(...error.errors.map((line) => `${index}.${line}`));
      return undefined;
    }
  });
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = problems.length - listed.length;
    throw new ZixflowValidationError(more > 0 ? [...listed, `and ${more} more problems`] : listed);
  }
  return prepared as ZixflowQueuedMessage[];
}
