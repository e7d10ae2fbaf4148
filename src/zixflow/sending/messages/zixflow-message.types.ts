import type { ZixflowError } from '../../core/errors/zixflow.error';
import type { SendTemplateMessageDto } from '../dto/send-template-message.dto';
import type { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './whatsapp-message-kinds';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';

/**
 * One message of a bulk send: any message kind, tagged with its `type` (the key of the kind:
 * `video`, `image`, `audio`, `document`, `text`, `location`, `interactive` for reply buttons, or
 * `template`), e.g. `{ type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' } }`.
 */
export type ZixflowMessage = {
  [Type in WhatsappMessageType]: InstanceType<(typeof WHATSAPP_MESSAGE_KINDS)[Type]['dto']> & { type: Type };
}[WhatsappMessageType];

/** What happened to one message of a bulk send. */
export type ZixflowSendOutcome = { ok: true; result: ZixflowSendResult } | { ok: false; error: ZixflowError };

/** Options of {@link ZixflowWhatsappService.sendMany}. */
export interface ZixflowSendManyOptions {
  /**
   * How many messages are in flight at once (validated, waiting for a send slot, or being sent).
   * Default 10. With `rateLimit`, about `perSecond` × the API's latency in seconds is enough to
   * keep a number at its rate.
   */
  concurrency?: number;
}

/** Per-call options of {@link ZixflowWhatsappService.send}. */
export interface ZixflowSendOptions {
  /**
   * `false` sends with a single attempt, whatever the module's `retry` settings: for callers that
   * retry on their own (a durable queue), so two retry layers never multiply.
   */
  retry?: false;
  /**
   * Checks WhatsApp's 24-hour window before a session message (anything but a template): give when
   * the customer last wrote (`undefined`: never). Once the window is closed the send is refused
   * before the network with `ZixflowSessionWindowClosedError` (`retryable: false`), or, with
   * `fallbackTemplate`, that template is sent to the same number instead. Without this option
   * nothing is checked (the default for plain sends; bot replies check it themselves).
   */
  sessionWindow?: {
    lastCustomerMessageAt: Date | undefined;
    fallbackTemplate?: Omit<SendTemplateMessageDto, 'to' | 'phoneId'>;
  };
}

/** @deprecated Renamed {@link ZixflowMessage}: the same message-by-type is taken by `send()`, `sendMany()` and the outbox. */
export type ZixflowBulkMessage = ZixflowMessage;
