import type { InteractiveFill, ZixflowApiName } from '../../core/messages/whatsapp-message-kinds';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './whatsapp-message-kinds';

/** What the body depends on besides the message: which API, and the defaults the module fills in. */
export interface WireSettings {
  api: ZixflowApiName;
  /** Used when the message leaves `phoneId` out. */
  defaultPhoneId: string | undefined;
  /** Prefix of the AI API's send paths, e.g. `/api/ingest`. */
  ingestPrefix: string;
  /** AI API: `post_back_url` for messages that leave `postBackUrl` out (from the `postBacks` option). */
  defaultPostBackUrl: string | undefined;
}

/** One request ready to post: where, what, and the recipient and number for logs and pacing. */
export interface WireRequest {
  path: string;
  body: Record<string, unknown>;
  /** The recipient, digits only; logged masked. */
  to: string;
  /** The sending number; pacing is per number. */
  phoneId: string;
}

type Fields = Record<string, unknown>;

/** Why a message without `phoneId` cannot be sent when no `defaultPhoneId` is configured. */
export const MISSING_PHONE_ID =
  'No phone number to send from: the message has no phoneId and defaultPhoneId (ZIXFLOW_PHONE_ID) is not configured';

/**
 * Builds the body of a validated message in the configured API's wire format. The body holds
 * exactly the caller's fields plus what the method sets: on the campaign API `type` and the
 * resolved `phoneId`; on the AI API `recipient`, `phone_id`, the kind's object and
 * `post_back_url` / `post_back_data` (snake_case, no `type`: the path names the kind); on both, the
 * fixed discriminators an interactive kind needs (`interactive.type: "list"`, `action.name`) when
 * left out. No defaults are added and undefined keys never reach the wire (JSON drops them).
 * Assumes {@link apiFieldProblems} found nothing.
 */
export function buildWireRequest(type: WhatsappMessageType, message: Fields, settings: WireSettings): WireRequest {
  const { to, phoneId: givenPhoneId, type: _callerType, postBackUrl, postBackData, ...fields } = message;
  const phoneId = (givenPhoneId as string | undefined) ?? settings.defaultPhoneId;
  if (phoneId === undefined) {
    // The server's configuration, not the caller's input: a 500-class answer, for the operator.
    throw new ZixflowConfigurationError(MISSING_PHONE_ID);
  }
  const kind = WHATSAPP_MESSAGE_KINDS[type];
  const recipient = to as string;
  if (settings.api === 'campaign' && kind.campaign !== undefined) {
    const { path, bodyType } = kind.campaign;
    const filled = withFill(fields, 'fill' in kind.campaign ? kind.campaign.fill : undefined);
    const body = bodyType === undefined ? { to, phoneId, ...filled } : { to, phoneId, type: bodyType, ...filled };
    return { path, body, to: recipient, phoneId };
  }
  const own =
    type === 'template' ? templateFields(fields) : withFill(fields, 'fill' in kind.ai ? kind.ai.fill : undefined);
  const body = {
    recipient: to,
    phone_id: phoneId,
    ...own,
    post_back_url: postBackUrl ?? settings.defaultPostBackUrl,
    post_back_data: postBackData,
  };
  return { path: `${settings.ingestPrefix}${kind.ai.path}`, body, to: recipient, phoneId };
}

/** The AI template endpoint's names for the caller's camelCase fields (§3.1). */
function templateFields(fields: Fields): Fields {
  const { templateName, language, variables } = fields;
  return { template_name: templateName, language, variables };
}

/** `interactive.type` and `interactive.action.name` filled in when the kind fixes them and the caller left them out. */
function withFill(fields: Fields, fill: InteractiveFill | undefined): Fields {
  const interactive = fields.interactive as Fields | undefined;
  if (fill === undefined || interactive === undefined) {
    return fields;
  }
  // `??`, not spread order: a caller's explicit `type: undefined` must not undo the fill.
  const action = interactive.action as Fields | undefined;
  const filledAction = fill.actionName === undefined ? action : { ...action, name: action?.name ?? fill.actionName };
  return { ...fields, interactive: { ...interactive, type: interactive.type ?? fill.type, action: filledAction } };
}
