/** Who wrote to the business number. */
export interface ZixflowIncomingSender {
  /** WhatsApp profile name, when Zixflow sends one. */
  name: string | undefined;
  /** Country code and number, digits only (`919999999999`); replies go here. */
  number: string;
}

/**
 * A media attachment as Zixflow describes it. Zixflow documents `caption`, `mime_type`, `link`,
 * `name` and `size` for images; the other media types are assumed to share the shape, so every
 * field is optional.
 */
export interface ZixflowIncomingMedia {
  /** Where Zixflow serves the file. */
  link: string | undefined;
  /** Text the customer wrote under the media. */
  caption: string | undefined;
  /** MIME type (`mime_type` in the payload). */
  mimeType: string | undefined;
  /** File name Zixflow gives the media (`name`, or `filename` for documents). */
  name: string | undefined;
  /** Size in bytes. */
  size: number | undefined;
}

/** A text message (emoji-only messages arrive as text too). */
export interface ZixflowIncomingText {
  type: 'text';
  text: { body: string };
}

/** An image. */
export interface ZixflowIncomingImage {
  type: 'image';
  image: ZixflowIncomingMedia;
}

/** A video. */
export interface ZixflowIncomingVideo {
  type: 'video';
  video: ZixflowIncomingMedia;
}

/** An audio file or voice note (inferred shape). */
export interface ZixflowIncomingAudio {
  type: 'audio';
  audio: ZixflowIncomingMedia;
}

/** A document (inferred shape). */
export interface ZixflowIncomingDocument {
  type: 'document';
  document: ZixflowIncomingMedia;
}

/** A shared location (inferred shape, Meta's `location` object). */
export interface ZixflowIncomingLocation {
  type: 'location';
  location: {
    latitude: number;
    longitude: number;
    name: string | undefined;
    address: string | undefined;
  };
}

/**
 * Which payload shape a tapped button or list row arrived in (all inferred from Meta's Cloud API):
 * `button_reply` and `list_reply` are answers to interactive messages, `button` is a quick-reply
 * button of a template.
 */
export type ZixflowReplySource = 'button_reply' | 'list_reply' | 'button';

/**
 * The customer tapped a reply button or picked a list row. `id` is what you set as the button's
 * `reply.id` when sending (the `payload` of a template button), so bots switch on it.
 */
export interface ZixflowIncomingReply {
  type: 'reply';
  reply: {
    id: string;
    /** The label the customer saw. */
    title: string | undefined;
    /** A list row's description. */
    description: string | undefined;
    source: ZixflowReplySource;
  };
}

/**
 * A message the library does not model (sticker, contacts, reaction, …) or a known type whose
 * content did not have the expected shape. It carries the raw object so new types never crash a
 * handler and nothing is lost.
 */
export interface ZixflowIncomingUnknown {
  type: 'unknown';
  /** The payload's `message.type`, when it had one. */
  originalType: string | undefined;
  /** `message` exactly as received (`{}` when the payload had none). */
  raw: Readonly<Record<string, unknown>>;
}

/** What the customer sent, discriminated by `type`. */
export type ZixflowIncomingContent =
  | ZixflowIncomingText
  | ZixflowIncomingImage
  | ZixflowIncomingVideo
  | ZixflowIncomingAudio
  | ZixflowIncomingDocument
  | ZixflowIncomingLocation
  | ZixflowIncomingReply
  | ZixflowIncomingUnknown;

/** The `type` values of {@link ZixflowIncomingContent}, for handler filters. */
export type ZixflowIncomingMessageType = ZixflowIncomingContent['type'];

/**
 * One `incoming.whatsapp.message` webhook event, parsed. Emitted as
 * `ZixflowEvents.MessageReceived` and passed to `@OnWhatsappMessage()` handlers; pass it to
 * `ZixflowWhatsappService.reply()` / `replyText()` to answer.
 */
export interface ZixflowIncomingMessage {
  /** Zixflow's event id (a UUID), the same on every retry of one delivery. */
  eventId: string;
  /** When Zixflow says the message arrived; the time of receipt when the payload had no usable timestamp. */
  timestamp: Date;
  /** When this server received the webhook. */
  receivedAt: Date;
  /** The business number's phone-number id the customer wrote to; replies are sent from it. */
  phoneId: string | undefined;
  /** WhatsApp Business Account id. */
  wabaId: string | undefined;
  /** WhatsApp's message id (`wamid.…`). */
  messageId: string | undefined;
  /** Who wrote. */
  sender: ZixflowIncomingSender;
  /** What they wrote. */
  message: ZixflowIncomingContent;
  /**
   * The account it arrived for, from the webhook path (`<path>/<account>/incoming`); absent on the
   * routes without an account. The bot replies through that account's service.
   */
  account?: string;
  /** The whole payload as received, for fields the library does not model (reply context, referrals, …). */
  raw: Readonly<Record<string, unknown>>;
}
