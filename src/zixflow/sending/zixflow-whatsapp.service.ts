import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ZixflowValidationError } from '../core/errors/zixflow-validation.error';
import { ZixflowSendResult } from '../core/messages/zixflow-send-result.interface';
import { mapInOrder } from './bulk/map-in-order';
import { sendManyConcurrency } from './bulk/send-many-concurrency';
import { settleSend } from './bulk/settle-send';
import { ZixflowDataReader } from './data/zixflow-data.reader';
import type {
  ZixflowAccount,
  ZixflowDeliveryStatus,
  ZixflowListTemplatesOptions,
  ZixflowTemplate,
} from './data/zixflow-data.types';
import { ZixflowDelivery } from './delivery/zixflow-delivery';
import { SendAddressRequestMessageDto } from './dto/send-address-request-message.dto';
import { SendAudioMessageDto } from './dto/send-audio-message.dto';
import { SendContactsMessageDto } from './dto/send-contacts-message.dto';
import { SendCtaUrlMessageDto } from './dto/send-cta-url-message.dto';
import { SendDocumentMessageDto } from './dto/send-document-message.dto';
import { SendImageMessageDto } from './dto/send-image-message.dto';
import { SendListMessageDto } from './dto/send-list-message.dto';
import { SendLocationMessageDto } from './dto/send-location-message.dto';
import { SendLocationRequestMessageDto } from './dto/send-location-request-message.dto';
import { SendReactionMessageDto } from './dto/send-reaction-message.dto';
import { SendReplyButtonsMessageDto } from './dto/send-reply-buttons-message.dto';
import { SendStickerMessageDto } from './dto/send-sticker-message.dto';
import { SendTemplateMessageDto } from './dto/send-template-message.dto';
import { SendTextMessageDto } from './dto/send-text-message.dto';
import { SendVideoMessageDto } from './dto/send-video-message.dto';
import { WhatsappMessageBaseDto } from './dto/whatsapp-message-base.dto';
import { addressReply } from './messages/address-reply';
import { apiFieldProblems } from './messages/api-field-rules';
import { buildWireRequest } from './messages/build-wire-request';
import { applySessionWindow } from './messages/session-window';
import { messageTypeOf } from './messages/message-type-of';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './messages/whatsapp-message-kinds';
import {
  ZixflowMessage,
  ZixflowSendManyOptions,
  ZixflowSendOptions,
  ZixflowSendOutcome,
} from './messages/zixflow-message.types';
import { ZixflowReplyMessage, ZixflowReplyTarget } from './messages/zixflow-reply-message.type';
import { ResolvedZixflowOptions } from './options/zixflow-options.schema';
import { checkTemplateVariables } from './templates/check-template-variables';
import { ZixflowTemplateQuery, ZixflowTemplateVariable } from './templates/zixflow-template-variable.interface';
import { ZixflowTemplateVariablesReader } from './templates/zixflow-template-variables.reader';
import { validateMessage } from './validation/validate-message';
import { validateMessageFast } from './messages/fast-message-check';
import { runStartupCheck } from './data/check-credentials-at-start';

/**
 * Sends WhatsApp messages through Zixflow: the campaign API by default, or the Zixflow AI API with
 * `api: 'ai'`, in each API's own wire format from the same messages. Each method takes the message
 * as Zixflow documents it (a DTO instance or a plain object), validates it before any network call,
 * and resolves with Zixflow's acceptance or rejects with a typed {@link ZixflowError}. A kind or field
 * the configured API does not have is refused with a message naming the API that has it.
 *
 * Session messages (everything but templates) only reach a customer whose 24-hour window is open,
 * i.e. who wrote to you in the last 24 hours; use {@link sendTemplate} otherwise.
 */
export class ZixflowWhatsappService implements OnModuleInit, OnApplicationShutdown {
  /**
   * Built by `ZixflowModule` (or `ZixflowTenants`) from checked options; not meant to be constructed
   * by hand. `release` frees the registration's keep-alive connections at shutdown.
   */
  constructor(
    private readonly client: ZixflowDelivery,
    private readonly options: ResolvedZixflowOptions,
    private readonly templateVariables: ZixflowTemplateVariablesReader,
    private readonly data: ZixflowDataReader,
    private readonly release: () => void = () => undefined,
  ) {}

  /**
   * Says at start-up, once, that sends without a `phoneId` will fail, instead of letting the first
   * customer find out; a message for the operator, so it names the variable to set. With
   * `startupCheck`, also asks Zixflow whether the credentials work before the app takes traffic.
   */
  async onModuleInit(): Promise<void> {
    const logger = new Logger('Zixflow');
    if (this.options.defaultPhoneId === undefined) {
      logger.warn(
        'No defaultPhoneId: set ZIXFLOW_PHONE_ID (or defaultPhoneId) to the phone-number id to send from; until then every message must carry its own phoneId',
      );
    }
    await runStartupCheck(this, this.options, logger);
  }

  /**
   * Releases keep-alive sockets so the application (and Jest) can exit promptly. In the last
   * shutdown phase, not `onModuleDestroy`, so queue workers and webhook handlers that finish their
   * sends during shutdown still have a working client, whatever the module import order.
   */
  onApplicationShutdown(): void {
    this.release();
  }

  /**
   * Sends many messages of any kinds, each tagged with its `type` (`video`, `text`, `list`,
   * `template`, …), and resolves with one outcome per message, in input order: `{ ok: true, result }`
   * or `{ ok: false, error }`. Each message is validated before it is sent, and one failure never
   * stops the rest. At most `concurrency` messages (default 10) are in flight; the input, an array or
   * any iterable or async iterable, is read only as slots free up, so memory stays bounded however
   * many messages are sent. Pacing and retries apply to every message as to single sends. Rejects
   * only for a bad `concurrency` (RangeError) or an input that throws while being read.
   */
  async sendMany(
    messages: Iterable<ZixflowMessage> | AsyncIterable<ZixflowMessage>,
    options: ZixflowSendManyOptions = {},
  ): Promise<ZixflowSendOutcome[]> {
    return mapInOrder(messages, sendManyConcurrency(options), (message) =>
      settleSend(() => this.sendKind(messageTypeOf(message), message)),
    );
  }

  /**
   * Sends one message of any kind, tagged with its `type` (as in {@link sendMany}), e.g.
   * `send({ type: 'text', to, text: { body } })`. `{ retry: false }` makes exactly one attempt.
   */
  async send(message: ZixflowMessage, options: ZixflowSendOptions = {}): Promise<ZixflowSendResult> {
    const decided = applySessionWindow(messageTypeOf(message), message as unknown as Record<string, unknown>, options);
    return this.sendKind(decided.type, decided.message, options);
  }

  /** Sends a video (`video.link`, or `video.id` on the AI API; optional `video.caption`). */
  sendVideo(message: SendVideoMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('video', message);
  }

  /** Sends an image (`image.link`, or `image.id` on the AI API; optional `image.caption`). */
  sendImage(message: SendImageMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('image', message);
  }

  /** Sends an audio file (`audio.link`, or `audio.id` on the AI API; WhatsApp allows no caption). */
  sendAudio(message: SendAudioMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('audio', message);
  }

  /** Sends a document (`document.link` or `document.id`, optional `caption` and `filename`). */
  sendDocument(message: SendDocumentMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('document', message);
  }

  /** Sends a text (`text.body`, optional `text.preview_url`). */
  sendText(message: SendTextMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('text', message);
  }

  /** Sends a location; latitude and longitude may be numbers and are sent as strings. */
  sendLocation(message: SendLocationMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('location', message);
  }

  /** Sends an interactive message with one to three quick-reply buttons. */
  sendReplyButtons(message: SendReplyButtonsMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('interactive', message);
  }

  /**
   * Sends a list: a menu button opening up to ten sections with at most ten rows in all; the
   * customer's pick comes back as a `reply` with the row's id. On the campaign API this is inferred
   * (sent as `type: "interactive"`, `interactive.type: "list"`), see docs/kinds.md.
   */
  sendList(message: SendListMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('list', message);
  }

  /** Sends a sticker: a WebP image by `sticker.link` or `sticker.id`. AI API only. */
  sendSticker(message: SendStickerMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('sticker', message);
  }

  /** Sends one or more contact cards (`contacts`, each with at least `name.formatted_name`). AI API only. */
  sendContacts(message: SendContactsMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('contacts', message);
  }

  /** Reacts to a message with one emoji (`reaction.message_id`, `reaction.emoji`); `""` removes the reaction. AI API only. */
  sendReaction(message: SendReactionMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('reaction', message);
  }

  /** Sends a message with one button that opens a web address (`action.parameters.display_text`, `url`). AI API only. */
  sendCtaUrl(message: SendCtaUrlMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('cta_url', message);
  }

  /** Asks the customer to share their location; the answer arrives as a `location` message. AI API only. */
  sendLocationRequest(message: SendLocationRequestMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('location_request', message);
  }

  /** Asks the customer for an address in a form (Meta offers it in India and Singapore). AI API only. */
  sendAddressRequest(message: SendAddressRequestMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('address_request', message);
  }

  /**
   * Sends an approved template with its variables (left out for a template without any); works
   * outside the 24-hour window. With `checkVariables` (or the module's `templates.checkVariables`)
   * the template's variables are looked up first (cached) and a map with missing, unexpected or
   * mistyped variables is refused with a {@link ZixflowValidationError} before anything is sent.
   */
  async sendTemplate(
    message: SendTemplateMessageDto,
    options: { checkVariables?: boolean } = {},
  ): Promise<ZixflowSendResult> {
    if (!(options.checkVariables ?? this.options.templates.checkVariables)) {
      return this.sendKind('template', message);
    }
    const validated = validateMessage(SendTemplateMessageDto, message);
    this.refuseForApi('template', validated);
    const declared = await this.getTemplateVariables({
      phoneId: validated.phoneId,
      templateName: validated.templateName,
      language: validated.language,
    });
    const problems = checkTemplateVariables(
      declared,
      validated.variables ?? {},
      `"${validated.templateName}" (${validated.language})`,
    );
    if (problems.length > 0) {
      throw new ZixflowValidationError(problems);
    }
    return this.sendKind('template', validated);
  }

  /**
   * The variables of an approved template (`keyName`, `label`, `type`), from Zixflow's
   * variable-keys endpoint of the configured API, cached per (phoneId, template, language) for
   * `templates.cacheTtlMs`.
   */
  getTemplateVariables(query: ZixflowTemplateQuery): Promise<ZixflowTemplateVariable[]> {
    return this.templateVariables.read(query);
  }

  /** The workspace's WhatsApp numbers with their quality rating and daily limit. AI API only. */
  listAccounts(): Promise<ZixflowAccount[]> {
    return this.data.listAccounts();
  }

  /**
   * Every template of `phoneId` (default `defaultPhoneId`), across all pages, fetched page by page
   * as the loop consumes them: `for await (const template of whatsapp.listTemplates()) …`. AI API only.
   */
  listTemplates(phoneId?: string, options?: ZixflowListTemplatesOptions): AsyncIterable<ZixflowTemplate> {
    return this.data.listTemplates(phoneId, options);
  }

  /**
   * Where a message sent through the AI API is, by the `requestId` its send resolved with; an
   * unknown id rejects with `ZixflowNotFoundError`. AI API only.
   */
  getDeliveryReport(requestId: string): Promise<ZixflowDeliveryStatus> {
    return this.data.getDeliveryReport(requestId);
  }

  /**
   * Answers an incoming message with a text: sent to its sender, from the number they wrote to
   * (`phoneId` of the incoming message, else `defaultPhoneId`).
   */
  replyText(incoming: ZixflowReplyTarget, body: string): Promise<ZixflowSendResult> {
    return this.reply(incoming, { type: 'text', text: { body } });
  }

  /**
   * Answers an incoming message with any session message, e.g.
   * `reply(incoming, { type: 'list', interactive: { … } })`. Addressed like {@link replyText} and
   * validated exactly like the send method of its type.
   */
  async reply(incoming: ZixflowReplyTarget, message: ZixflowReplyMessage): Promise<ZixflowSendResult> {
    const addressed = addressReply(incoming, message);
    return this.sendKind(addressed.type, addressed.message);
  }

  /** The one path every send takes: validate, check against the API, build the body, post. */
  private async sendKind(
    type: WhatsappMessageType,
    message: unknown,
    options: ZixflowSendOptions = {},
  ): Promise<ZixflowSendResult> {
    const validated = validateMessageFast<WhatsappMessageBaseDto>(WHATSAPP_MESSAGE_KINDS[type].dto, message);
    this.refuseForApi(type, validated);
    const { api, defaultPhoneId, ingestPrefix, defaultPostBackUrl } = this.options;
    const request = buildWireRequest(type, validated as unknown as Record<string, unknown>, {
      api,
      defaultPhoneId,
      ingestPrefix,
      defaultPostBackUrl,
    });
    return this.client.post(request, options);
  }

  /** A kind or field the configured API does not have never reaches the network. */
  private refuseForApi(type: WhatsappMessageType, message: WhatsappMessageBaseDto): void {
    const problems = apiFieldProblems(this.options.api, type, message as unknown as Record<string, unknown>);
    if (problems.length > 0) {
      throw new ZixflowValidationError(problems);
    }
  }
}
