import { validationErrorsOf } from './dto.spec-helper';
import { SendReplyButtonsMessageDto } from './send-reply-buttons-message.dto';

/** Fixtures and builders shared by the send-reply-buttons-message.dto.*.spec.ts files. */

export const TO = '13023895111';
export const PHONE_ID = '104898309288724';
export const BODY = { text: 'Was your delivery on time?' };
export const NOT_A_FIELD = 'is not a field Zixflow accepts here; remove it';

export interface Button {
  type: string;
  reply: { id: string; title: string };
}

export function button(id: string, title: string): Button {
  return { type: 'reply', reply: { id, title } };
}

export const YES = button('yes', 'Yes');

/** A valid message whose `interactive` object is `interactive`. */
export function withInteractive(interactive: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, interactive };
}

/** A valid message with the given buttons (and optional extra interactive fields). */
export function withButtons(buttons: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return withInteractive({ body: BODY, action: { buttons }, ...extra });
}

/** A valid message with the given header. */
export function withHeader(header: unknown): Record<string, unknown> {
  return withButtons([YES], { header });
}

export const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendReplyButtonsMessageDto, input);
