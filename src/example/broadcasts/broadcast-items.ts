import { normalizeWhatsappNumber, ZixflowValidationError } from '../../zixflow';
import type { ZixflowOutboxItem } from '../../zixflow/queue';
import { BroadcastTemplateDto } from './broadcast-template.dto';

/**
 * One queued template per recipient, keyed `<broadcastId>:<number>` so that the same broadcast sent
 * twice, or a number listed twice in any spelling, is queued once. The number in the key is the
 * normalised one when it can be read; an unreadable one is refused by the outbox anyway.
 */
export function broadcastItems(broadcast: BroadcastTemplateDto, broadcastId: string): ZixflowOutboxItem[] {
  return broadcast.recipients.map((recipient) => ({
    idempotencyKey: `${broadcastId}:${normalizeWhatsappNumber(recipient) ?? recipient}`,
    message: {
      type: 'template',
      to: recipient,
      templateName: broadcast.templateName,
      language: broadcast.language,
      variables: broadcast.variables ?? {},
      ...(broadcast.phoneId === undefined ? {} : { phoneId: broadcast.phoneId }),
    },
  }));
}

/**
 * The outbox reports a batch's problems by item index (`2.to must …`); the API's caller knows them
 * as recipients (`recipients.2 must …`).
 */
export function asRecipientProblems(error: ZixflowValidationError): ZixflowValidationError {
  return new ZixflowValidationError(error.errors.map((line) => line.replace(/^(\d+)\.to\b/, 'recipients.$1')));
}
