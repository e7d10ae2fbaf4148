import type { ContactCardDto } from '../../sending/dto/contact-card.dto';
import type { AddressRequestParametersDto } from '../../sending/dto/send-address-request-message.dto';
import type { ZixflowReplyMessage } from '../../sending/messages/zixflow-reply-message.type';

/*
 * Builders of the replies the bot context offers for the interactive and AI-only kinds, so a prompt
 * or a handler can return one as a value too. Each writes only what the caller gave; the fixed
 * discriminators (`interactive.type`, `action.name`) are filled in by the send itself.
 */

/** One row of a list: the `id` comes back to `@OnReply` when the customer picks it. */
export interface ZixflowBotListRow {
  id: string;
  title: string;
  description?: string;
}

/** A titled group of rows (a title is needed when a list has more than one section). */
export interface ZixflowBotListSection {
  title?: string;
  rows: readonly ZixflowBotListRow[];
}

/** Extra text around an interactive message. */
export interface ZixflowBotInteractiveText {
  /** A text header (up to 60 characters). */
  header?: string;
  /** Small print under the body (up to 60 characters). */
  footer?: string;
}

type ListReply = Extract<ZixflowReplyMessage, { type: 'list' }>;

function textParts(options: ZixflowBotInteractiveText): {
  header?: { type: 'text'; text: string };
  footer?: { text: string };
} {
  return {
    ...(options.header === undefined ? {} : { header: { type: 'text' as const, text: options.header } }),
    ...(options.footer === undefined ? {} : { footer: { text: options.footer } }),
  };
}

/** A list message: `button` opens the sections (at most ten rows in all). */
export function listMessage(
  body: string,
  button: string,
  sections: readonly ZixflowBotListSection[],
  options: ZixflowBotInteractiveText = {},
): ListReply {
  return {
    type: 'list',
    interactive: {
      ...textParts(options),
      body: { text: body },
      action: {
        button,
        sections: sections.map(({ title, rows }) => ({
          ...(title === undefined ? {} : { title }),
          rows: rows.map((row) => ({ ...row })),
        })),
      },
    },
  };
}

/** A message with one button that opens `url`. AI API only. */
export function ctaUrlMessage(
  body: string,
  displayText: string,
  url: string,
  options: ZixflowBotInteractiveText = {},
): ZixflowReplyMessage {
  return {
    type: 'cta_url',
    interactive: {
      ...textParts(options),
      body: { text: body },
      action: { parameters: { display_text: displayText, url } },
    },
  };
}

/** Asks the customer to share their location; it arrives as a `location` message. AI API only. */
export function locationRequestMessage(body: string): ZixflowReplyMessage {
  return { type: 'location_request', interactive: { body: { text: body } } };
}

/** Asks for an address in a form (`parameters.country`, e.g. `IN`; `values` prefill it). AI API only. */
export function addressRequestMessage(
  body: string,
  parameters: AddressRequestParametersDto,
  options: ZixflowBotInteractiveText = {},
): ZixflowReplyMessage {
  return {
    type: 'address_request',
    interactive: { ...textParts(options), body: { text: body }, action: { parameters } },
  };
}

/** A sticker by public WebP link, or `{ id }` of an uploaded one. AI API only. */
export function stickerMessage(sticker: string | { id: string }): ZixflowReplyMessage {
  return { type: 'sticker', sticker: typeof sticker === 'string' ? { link: sticker } : { id: sticker.id } };
}

/** One or more contact cards. AI API only. */
export function contactsMessage(contacts: readonly ContactCardDto[]): ZixflowReplyMessage {
  return { type: 'contacts', contacts: [...contacts] };
}

/** A reaction to the message with id `messageId`; `""` removes it. AI API only. */
export function reactionMessage(emoji: string, messageId: string): ZixflowReplyMessage {
  return { type: 'reaction', reaction: { message_id: messageId, emoji } };
}
