import type { SendTemplateMessageDto } from '../../sending/dto/send-template-message.dto';
import type { ZixflowReplyMessage } from '../../sending/messages/zixflow-reply-message.type';
import type { ZixflowIncomingMessage } from '../../webhooks';
import type { ContactCardDto } from '../../sending/dto/contact-card.dto';
import type { AddressRequestParametersDto } from '../../sending/dto/send-address-request-message.dto';
import type { ZixflowConversationState, ZixflowDialogFrame } from '../sessions/zixflow-conversation.interface';
import {
  addressRequestMessage,
  contactsMessage,
  ctaUrlMessage,
  listMessage,
  locationRequestMessage,
  reactionMessage,
  stickerMessage,
  type ZixflowBotInteractiveText,
  type ZixflowBotListSection,
} from './bot-reply-messages';

/** A template reply: the template fields, addressed to the customer by the bot. */
export type ZixflowBotTemplateReply = { type: 'template' } & Omit<SendTemplateMessageDto, 'to' | 'phoneId'>;

/** What a bot can answer with: plain text, any session message, or a template. */
export type ZixflowBotReply = string | ZixflowReplyMessage | ZixflowBotTemplateReply;

/** A change to the dialog stack that the turn applies once the handler has returned. */
export type DialogCommand =
  | { kind: 'begin'; id: string; values: Record<string, unknown> }
  | { kind: 'end'; result?: unknown }
  | { kind: 'cancel' };

/** A reply button: what the customer sees, and the id that comes back to `@OnReply`. */
export interface ZixflowBotButton {
  id: string;
  title: string;
}

/**
 * A reply-buttons message, for a prompt's `ask` or `retry` or a handler's return value:
 * `buttonsMessage('Pick one', [{ id: 'track', title: 'Track order' }])`.
 */
export function buttonsMessage(
  body: string,
  buttons: readonly ZixflowBotButton[],
  footer?: string,
): Extract<ZixflowReplyMessage, { type: 'interactive' }> {
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      ...(footer === undefined ? {} : { footer: { text: footer } }),
      action: { buttons: buttons.map(({ id, title }) => ({ type: 'reply' as const, reply: { id, title } })) },
    },
  };
}

/**
 * One turn of one conversation: the incoming message, the customer, the session, and the ways to
 * answer. Replies are queued and sent in order once the turn's state is saved, so a turn that
 * fails or loses a race sends nothing.
 */
export class ZixflowBotContext<S extends object = Record<string, unknown>> {
  /** Parameters of the matched reply id or named RegExp groups. */
  params: Record<string, string> = {};
  /** The RegExp match of a `@Hears(/…/)` route. */
  match: RegExpExecArray | undefined;
  /** @internal Replies queued by this turn, in order. */
  readonly replies: ZixflowBotReply[] = [];
  /** @internal Dialog changes, applied after the handler. */
  readonly dialogCommands: DialogCommand[] = [];
  /** @internal Handoff changes made by this turn. */
  handoffChange: { kind: 'start'; reason?: string } | { kind: 'end' } | undefined;

  /**
   * @param message - the incoming message.
   * @param conversationKey - the conversation's key in the store.
   * @param state - the conversation as loaded; this turn works on a copy.
   */
  constructor(
    readonly message: ZixflowIncomingMessage,
    readonly conversationKey: string,
    /** @internal */ readonly state: ZixflowConversationState<S>,
  ) {}

  /** The customer: digits-only number and WhatsApp profile name. */
  get customer(): { number: string; name: string | undefined } {
    return this.message.sender;
  }

  /** The text of a text message. */
  get text(): string | undefined {
    return this.message.message.type === 'text' ? this.message.message.text.body : undefined;
  }

  /** The id of a tapped button or picked list row. */
  get replyId(): string | undefined {
    return this.message.message.type === 'reply' ? this.message.message.reply.id : undefined;
  }

  /** The conversation's session; change it freely, it is saved at the end of the turn. */
  get session(): S {
    return this.state.session;
  }

  set session(value: S) {
    this.state.session = value;
  }

  /** The dialog waiting for the customer's answer, if any. */
  get activeDialog(): Readonly<ZixflowDialogFrame> | undefined {
    return this.state.dialogs.at(-1);
  }

  /** Whether a human has the conversation. */
  get inHandoff(): boolean {
    return (
      (this.state.handoff !== undefined && this.handoffChange?.kind !== 'end') || this.handoffChange?.kind === 'start'
    );
  }

  /** When the customer last wrote before this message, if ever. */
  get lastCustomerMessageAt(): Date | undefined {
    return this.state.lastCustomerMessageAt === undefined ? undefined : new Date(this.state.lastCustomerMessageAt);
  }

  /** Queues a reply: text, or any message (`{ type: 'image', image: { link } }`, a template, …). */
  reply(message: ZixflowBotReply): void {
    this.replies.push(message);
  }

  /** Queues a text reply. */
  replyText(body: string): void {
    this.reply({ type: 'text', text: { body } });
  }

  /** Queues a message with up to three reply buttons. */
  replyButtons(body: string, buttons: readonly ZixflowBotButton[], footer?: string): void {
    this.reply(buttonsMessage(body, buttons, footer));
  }

  /**
   * Queues a list: `button` opens the sections, and the row the customer picks comes back to
   * `@OnReply` with its id. On the campaign API lists are inferred (see docs/kinds.md).
   */
  replyList(
    body: string,
    button: string,
    sections: readonly ZixflowBotListSection[],
    options: ZixflowBotInteractiveText = {},
  ): void {
    this.reply(listMessage(body, button, sections, options));
  }

  /**
   * Reacts with one emoji to the customer's message (or to `messageId`); `""` removes the reaction.
   * AI API only.
   */
  replyReaction(emoji: string, messageId: string | undefined = this.message.messageId): void {
    // Without an id there is nothing to react to; the send refuses it by name (reaction.message_id).
    this.reply(reactionMessage(emoji, messageId ?? ''));
  }

  /** Queues a sticker: a public WebP link, or `{ id }` of an uploaded one. AI API only. */
  replySticker(sticker: string | { id: string }): void {
    this.reply(stickerMessage(sticker));
  }

  /** Queues one or more contact cards (each with at least `name.formatted_name`). AI API only. */
  replyContacts(contacts: readonly ContactCardDto[]): void {
    this.reply(contactsMessage(contacts));
  }

  /** Queues a message with one button that opens `url`. AI API only. */
  replyCtaUrl(body: string, displayText: string, url: string, options: ZixflowBotInteractiveText = {}): void {
    this.reply(ctaUrlMessage(body, displayText, url, options));
  }

  /** Asks the customer to share their location; it arrives as a `location` message. AI API only. */
  replyLocationRequest(body: string): void {
    this.reply(locationRequestMessage(body));
  }

  /** Asks the customer for an address in a form (`parameters.country`, e.g. `IN`). AI API only. */
  replyAddressRequest(
    body: string,
    parameters: AddressRequestParametersDto,
    options: ZixflowBotInteractiveText = {},
  ): void {
    this.reply(addressRequestMessage(body, parameters, options));
  }

  /** Queues an image, with an optional caption. */
  replyImage(link: string, caption?: string): void {
    this.reply({ type: 'image', image: caption === undefined ? { link } : { link, caption } });
  }

  /** Queues a video, with an optional caption. */
  replyVideo(link: string, caption?: string): void {
    this.reply({ type: 'video', video: caption === undefined ? { link } : { link, caption } });
  }

  /** Queues an audio file. */
  replyAudio(link: string): void {
    this.reply({ type: 'audio', audio: { link } });
  }

  /** Queues a document. */
  replyDocument(link: string, options: { filename?: string; caption?: string } = {}): void {
    this.reply({ type: 'document', document: { link, ...options } });
  }

  /** Queues a location pin. */
  replyLocation(location: { latitude: string; longitude: string; name?: string; address?: string }): void {
    this.reply({ type: 'location', location });
  }

  /** Queues an approved template (the only kind WhatsApp delivers outside the 24-hour window). */
  replyTemplate(template: Omit<ZixflowBotTemplateReply, 'type'>): void {
    this.reply({ type: 'template', ...template });
  }

  /** Starts a dialog once this handler returns; `values` seed its values. */
  beginDialog(id: string, values: Record<string, unknown> = {}): void {
    this.dialogCommands.push({ kind: 'begin', id, values });
  }

  /** Ends the active dialog; the dialog that began it (if any) goes on. */
  endDialog(result?: unknown): void {
    this.dialogCommands.push({ kind: 'end', result });
  }

  /** Ends every active dialog. */
  cancelDialogs(): void {
    this.dialogCommands.push({ kind: 'cancel' });
  }

  /** Hands the conversation to a human: bot routes are skipped (except `@Resume`) until {@link resume}. */
  handoff(reason?: string): void {
    this.handoffChange = { kind: 'start', reason };
  }

  /** Gives the conversation back to the bot. */
  resume(): void {
    this.handoffChange = { kind: 'end' };
  }
}
