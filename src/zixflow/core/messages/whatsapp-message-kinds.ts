import { ZIXFLOW_SESSION_MESSAGE_PATH, ZIXFLOW_TEMPLATE_MESSAGE_PATH } from '../api/zixflow-api.constants';

/** Which of Zixflow's two APIs the module speaks: the campaign API (default) or the Zixflow AI API. */
export type ZixflowApiName = 'campaign' | 'ai';

/**
 * Discriminators the method writes into an interactive kind's body when the caller left them out,
 * because the endpoint needs them and they can only have one value (Meta's `interactive.type` and
 * `action.name`).
 */
export interface InteractiveFill {
  /** Written into `interactive.type`, e.g. `list`. */
  type: string;
  /** Written into `interactive.action.name`, e.g. `cta_url`. */
  actionName?: string;
}

/** Where one kind goes on the campaign API: the one session path (with a `type`) or the template path. */
export interface CampaignWire {
  /** API path it is posted to. */
  path: string;
  /** The `type` written into the body, or undefined for templates, whose endpoint has no `type`. */
  bodyType: string | undefined;
  /** What the method writes into `interactive` (lists share `type: "interactive"` with reply buttons). */
  fill?: InteractiveFill;
}

/** Where one kind goes on the AI API: its own path under the ingest prefix, no `type` field. */
export interface AiWire {
  /** Path after the ingest prefix (`/api/ingest` by default), e.g. `/whatsapp/v1/message/text/send`. */
  path: string;
  /** What the method writes into `interactive` for the interactive kinds that need it. */
  fill?: InteractiveFill;
}

/** Where one kind of message is sent on each API; `campaign` undefined: that API does not document it. */
export interface WhatsappMessageWire {
  campaign: CampaignWire | undefined;
  ai: AiWire;
}

const session = (bodyType: string, fill?: InteractiveFill): CampaignWire => ({
  path: ZIXFLOW_SESSION_MESSAGE_PATH,
  bodyType,
  ...(fill && { fill }),
});
const aiMessage = (path: string, fill?: InteractiveFill): AiWire => ({
  path: `/whatsapp/v1/message/${path}/send`,
  ...(fill && { fill }),
});

/**
 * Every message kind by its `type` value, in one table, so the service, bulk sends, replies and the
 * outbox agree on what a kind is and where it goes on each API (paths from zixflow-api.md §2.4 and
 * §3; docs/kinds.md says which are documented and which inferred). The DTO of each kind is bound to
 * this table in `sending/messages`, which is checked to cover every key here.
 */
export const WHATSAPP_MESSAGE_WIRE = {
  video: { campaign: session('video'), ai: aiMessage('video') },
  image: { campaign: session('image'), ai: aiMessage('image') },
  audio: { campaign: session('audio'), ai: aiMessage('audio') },
  document: { campaign: session('document'), ai: aiMessage('document') },
  text: { campaign: session('text'), ai: aiMessage('text') },
  location: { campaign: session('location'), ai: aiMessage('location') },
  interactive: { campaign: session('interactive'), ai: aiMessage('interactive/reply-buttons') },
  template: {
    campaign: { path: ZIXFLOW_TEMPLATE_MESSAGE_PATH, bodyType: undefined },
    ai: { path: '/whatsapp/v1/template/send' },
  },
  sticker: { campaign: undefined, ai: aiMessage('sticker') },
  contacts: { campaign: undefined, ai: aiMessage('contacts') },
  reaction: { campaign: undefined, ai: aiMessage('reaction') },
  // Inferred on the campaign API: its reply-button page speaks of list messages on the same path.
  list: {
    campaign: session('interactive', { type: 'list' }),
    ai: aiMessage('interactive/list-buttons', { type: 'list' }),
  },
  cta_url: { campaign: undefined, ai: aiMessage('interactive/url-button', { type: 'cta_url', actionName: 'cta_url' }) },
  location_request: {
    campaign: undefined,
    ai: aiMessage('interactive/location-request', { type: 'location_request_message', actionName: 'send_location' }),
  },
  address_request: {
    campaign: undefined,
    ai: aiMessage('interactive/address', { type: 'address_message', actionName: 'address_message' }),
  },
} as const satisfies Record<string, WhatsappMessageWire>;

/**
 * The `type` values that name a message kind: `interactive` is reply buttons; `list`, `cta_url`,
 * `location_request` and `address_request` are the other interactive kinds.
 */
export type WhatsappMessageType = keyof typeof WHATSAPP_MESSAGE_WIRE;

/** Whether `value` names a message kind; own keys only, so `constructor` or `__proto__` never pass. */
export function isWhatsappMessageType(value: unknown): value is WhatsappMessageType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WHATSAPP_MESSAGE_WIRE, value);
}
