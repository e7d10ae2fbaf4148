import type { ZixflowApiName } from '../../core/messages/whatsapp-message-kinds';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './whatsapp-message-kinds';

/** Fields of the campaign API only (§2), and what the AI API has instead, if anything. */
const CAMPAIGN_ONLY: Readonly<Record<string, string | undefined>> = {
  source: undefined,
  linkWithRecord: undefined,
  reportURL: 'postBackUrl',
  submissionStatus: undefined,
};

/** Fields of the AI API only (§3.0), and what the campaign API has instead. */
const AI_ONLY: Readonly<Record<string, string | undefined>> = { postBackUrl: 'reportURL', postBackData: undefined };

/** Media objects that may carry an uploaded `id` on the AI API, at the top of a message. */
const MEDIA_KEYS = ['video', 'image', 'audio', 'document'];
const HEADER_MEDIA_KEYS = ['image', 'video', 'document'];

/** How refusals name the kinds the campaign API does not document. */
const KIND_LABELS: Partial<Record<WhatsappMessageType, string>> = {
  sticker: 'sticker',
  contacts: 'contacts',
  reaction: 'reaction',
  cta_url: 'CTA URL button',
  location_request: 'location request',
  address_request: 'address request',
};

type Fields = Record<string, unknown>;

function objectAt(holder: unknown, key: string): Fields | undefined {
  const value = typeof holder === 'object' && holder !== null ? (holder as Fields)[key] : undefined;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

/**
 * What a validated message has that the configured API does not take, one line each, naming the
 * API that has it: a kind the campaign API does not document, the campaign API's own fields on the
 * AI API, the AI API's on the campaign API, and media by uploaded `id` (AI only). Checked before the
 * network, so a message meant for the other API is never sent half-understood.
 */
export function apiFieldProblems(api: ZixflowApiName, type: WhatsappMessageType, message: Fields): string[] {
  const kind = WHATSAPP_MESSAGE_KINDS[type];
  if (api === 'campaign' && kind.campaign === undefined) {
    return [
      `${kind.method}: the campaign API documents no ${KIND_LABELS[type] ?? type} messages; ` +
        `configure ZixflowModule with api: 'ai' (ZIXFLOW_API=ai) and a workspaceId to send them through the Zixflow AI API`,
    ];
  }
  const [foreign, other, configured] =
    api === 'ai'
      ? [CAMPAIGN_ONLY, `campaign API (api: 'campaign')`, 'AI']
      : [AI_ONLY, `AI API (api: 'ai')`, 'campaign'];
  const problems = Object.keys(foreign)
    .filter((field) => message[field] !== undefined)
    .map((field) => {
      const instead = foreign[field] === undefined ? 'remove it' : `use ${foreign[field]} instead`;
      return `${field} is a field of the ${other}, not of the ${configured} API configured here; ${instead}`;
    });
  if (api === 'campaign') {
    problems.push(...mediaIdProblems(message));
  }
  return problems;
}

/** Uploaded media ids exist only on the AI API (§3.4); the campaign API documents links only. */
function mediaIdProblems(message: Fields): string[] {
  const header = objectAt(message.interactive, 'header');
  const paths = [
    ...MEDIA_KEYS.filter((key) => objectAt(message, key)?.id !== undefined),
    ...HEADER_MEDIA_KEYS.filter((key) => objectAt(header, key)?.id !== undefined).map(
      (key) => `interactive.header.${key}`,
    ),
  ];
  return paths.map(
    (path) =>
      `${path}.id (an uploaded media id) is accepted only by the AI API (api: 'ai'); the campaign API takes ${path}.link`,
  );
}
