import { Inject, Injectable } from '@nestjs/common';
import { messageTypeOf } from './messages/message-type-of';
import { mapInOrder } from './bulk/map-in-order';
import { sendManyConcurrency } from './bulk/send-many-concurrency';
import {
  ZixflowMessage,
  ZixflowSendManyOptions,
  ZixflowSendOptions,
  ZixflowSendOutcome,
} from './messages/zixflow-message.types';
import { settleSend } from './bulk/settle-send';
import { ZixflowValidationError } from '../core/errors/zixflow-validation.error';
import { ZixflowDelivery, ZixflowRequestBody } from './delivery/zixflow-delivery';
import { ZIXFLOW_RESOLVED_OPTIONS } from './zixflow.constants';
import { ResolvedZixflowOptions } from './options/zixflow-options.schema';
import { SendAudioMessageDto } from './dto/send-audio-message.dto';
import { SendDocumentMessageDto } from './dto/send-document-message.dto';
import { SendImageMessageDto } from './dto/send-image-message.dto';
import { SendLocationMessageDto } from './dto/send-location-message.dto';
import { SendReplyButtonsMessageDto } from './dto/send-reply-buttons-message.dto';
import { SendTemplateMessageDto } from './dto/send-template-message.dto';
import { SendTextMessageDto } from './dto/send-text-message.dto';
import { SendVideoMessageDto } from './dto/send-video-message.dto';
import { WhatsappMessageBaseDto } from './dto/whatsapp-message-base.dto';
import { validateMessage } from './validation/validate-message';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './messages/whatsapp-message-kinds';
import { ZixflowSendResult } from '../core/messages/zixflow-send-result.interface';
import { addressReply } from './messages/address-reply';
import { checkTemplateVariables } from './templates/check-template-variables';
import { ZixflowTemplateVariablesReader } from './templates/zixflow-template-variables.reader';
import { ZixflowTemplateQuery, ZixflowTemplateVariable } from './templates/zixflow-template-variable.interface';
import { ZixflowReplyMessage, ZixflowReplyTarget } from './messages/zixflow-reply-message.type';

/**
 * Sends WhatsApp messages through Zixflow's campaign API. Each method takes the message as Zixflow
 * documents it (a DTO instance or a plain object), validates it before any network call, and
 * resolves with Zixflow's acceptance or rejects with a typed {@link ZixflowError}.
 *
 * Session messages (everything but templates) only reach a customer whose 24-hour window is open,
 * i.e. who wrote to you in the last 24 hours; use {@link sendTemplate} otherwise.
 */
@Injectable()
export class ZixflowWhatsappService {
  constructor(
    private readonly client: ZixflowDelivery,
    @Inject(ZIXFLOW_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowOptions,
    private readonly templateVariables: ZixflowTemplateVariablesReader,
  ) {}

  /**
   * Sends many messages of any kinds, each tagged with its `type` (`video`, `text`, `template`, …),
   * and resolves with one outcome per message, in input order: `{ ok: true, result }` or
   * `{ ok: false, error }`. Each message is validated before it is sent, and one failure never stops
   * the rest. At most `concurrency` messages (default 10) are in flight; the input, an array or any
   * iterable or async iterable, is read only as slots free up, so memory stays bounded however many
   * messages are sent. Pacing and retries apply to every message as to single sends. Rejects only
   * for a bad `concurrency` (RangeError) or an input that throws while being read.
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
    return this.sendKind(messageTypeOf(message), message, options);
  }

  /** Sends a video (`video.link`, optional `video.caption`). */
  sendVideo(message: SendVideoMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('video', message);
  }

  /** Sends an image (`image.link`, optional `image.caption`). */
  sendImage(message: SendImageMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('image', message);
  }

  /** Sends an audio file (`audio.link`; WhatsApp allows no caption on audio). */
  sendAudio(message: SendAudioMessageDto): Promise<ZixflowSendResult> {
    return this.sendKind('audio', message);
  }

  /** Sends a document (`document.link`, optional `caption` and `filename`). */
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
   * Sends an approved template with its variables; works outside the 24-hour window. With
   * `checkVariables` (or the module's `templates.checkVariables`) the template's variables are
   * looked up first (cached) and a map with missing, unexpected or mistyped variables is refused
   * with a {@link ZixflowValidationError} before anything is sent.
   */
  async sendTemplate(
    message: SendTemplateMessageDto,
    options: { checkVariables?: boolean } = {},
  ): Promise<ZixflowSendResult> {
    if (!(options.checkVariables ?? this.options.templates.checkVariables)) {
      return this.sendKind('template', message);
    }
    const validated = validateMessage(SendTemplateMessageDto, message);
    const declared = await this.getTemplateVariables({
      phoneId: validated.phoneId,
      templateName: validated.templateName,
      language: validated.language,
    });
    const problems = checkTemplateVariables(
      declared,
      validated.variables,
      `"${validated.templateName}" (${validated.language})`,
    );
    if (problems.length > 0) {
      throw new ZixflowValidationError(problems);
    }
    return this.sendKind('template', validated);
  }

  /**
   * The variables of an approved template (`keyName`, `label`, `type`), from Zixflow's
   * variable-keys endpoint, cached per (phoneId, template, language) for `templates.cacheTtlMs`.
   */
  getTemplateVariables(query: ZixflowTemplateQuery): Promise<ZixflowTemplateVariable[]> {
    return this.templateVariables.read(query);
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
   * `reply(incoming, { type: 'video', video: { link } })`. Addressed like {@link replyText} and
   * validated exactly like the send method of its type.
   */
  async reply(incoming: ZixflowReplyTarget, message: ZixflowReplyMessage): Promise<ZixflowSendResult> {
    const addressed = addressReply(incoming, message);
    return this.sendKind(addressed.type, addressed.message);
  }

  /** The one path every send takes: validate, build the body, post. */
  private async sendKind(
    type: WhatsappMessageType,
    message: unknown,
    options: ZixflowSendOptions = {},
  ): Promise<ZixflowSendResult> {
    const kind = WHATSAPP_MESSAGE_KINDS[type];
    const validated = validateMessage<WhatsappMessageBaseDto>(kind.dto, message);
    return this.client.post(kind.path, this.buildBody(validated, kind.bodyType), options);
  }

  /**
   * The body holds exactly the caller's fields plus `type` and the resolved `phoneId`: no defaults
   * are added, so Zixflow's own defaults apply. Undefined fields never reach the wire because the
   * body is serialised as JSON.
   */
  private buildBody(message: WhatsappMessageBaseDto, bodyType: string | undefined): ZixflowRequestBody {
    const {
      to,
      phoneId: givenPhoneId,
      type: _callerType,
      ...fields
    } = message as WhatsappMessageBaseDto & { type?: string };
    const phoneId = givenPhoneId ?? this.options.defaultPhoneId;
    if (phoneId === undefined) {
      throw new ZixflowValidationError([
        'phoneId is required: pass it in the message or configure defaultPhoneId (ZIXFLOW_PHONE_ID)',
      ]);
    }
    return bodyType === undefined ? { to, phoneId, ...fields } : { to, phoneId, type: bodyType, ...fields };
  }
}
