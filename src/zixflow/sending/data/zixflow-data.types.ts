/** A number's quality as Meta rates it; open, because Zixflow may pass on other values. */
export type ZixflowQualityRating = 'GREEN' | 'YELLOW' | 'RED' | (string & {});

/** One WhatsApp business number of the workspace, as the AI API's accounts endpoint lists it (§3.16). */
export interface ZixflowAccount {
  /** Meta's phone-number id: what `phoneId` takes. */
  phoneId: string;
  /** The WhatsApp Business Account the number belongs to. */
  wabaId: string | undefined;
  /** The number as shown, e.g. `+1 234 567 8900`. */
  displayPhoneNumber: string | undefined;
  /** The business name WhatsApp shows. */
  verifiedName: string | undefined;
  /** `GREEN`, `YELLOW` or `RED`: a falling rating comes before a lower sending limit. */
  qualityRating: ZixflowQualityRating | undefined;
  /** How many customers the number may message per day. */
  dailyLimit: number | undefined;
}

/** A template's category (§3.17); open for values Zixflow may add. */
export type ZixflowTemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | (string & {});

/** A template's review status (§3.17); only `APPROVED` templates can be sent. */
export type ZixflowTemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | (string & {});

/** One message template of a number, as the AI API's templates endpoint lists it (§3.17). */
export interface ZixflowTemplate {
  /** The template name `sendTemplate` takes as `templateName`. */
  name: string;
  /** Its language code, e.g. `en` or `en_US`. */
  language: string | undefined;
  /** `MARKETING`, `UTILITY` or `AUTHENTICATION`. */
  category: ZixflowTemplateCategory | undefined;
  /** `APPROVED`, `PENDING` or `REJECTED`. */
  status: ZixflowTemplateStatus | undefined;
  /** Meta's component array (header, body, buttons), as Zixflow gives it; its shape is not documented. */
  components: readonly unknown[];
}

/** Options of `listTemplates`. */
export interface ZixflowListTemplatesOptions {
  /** Templates asked for per request (`limit`). Default 10, the API's documented default. */
  pageSize?: number;
}

/** Where a message sent through the AI API is, from the delivery-report endpoint (§3.19). */
export interface ZixflowDeliveryStatus {
  /** The `requestId` the send resolved with. */
  requestId: string;
  /** The status in lower case (`delivered`, `read`, `failed`, …); open-ended, as Zixflow publishes no list. */
  status: string | undefined;
  /** When the status was reached, as Zixflow wrote it (ISO-8601; every digit kept). */
  statusAt: string | undefined;
  /** `statusAt` as a date (to the millisecond). */
  timestamp: Date | undefined;
  /** The message id Zixflow reports (the docs show a `wamid.` id); numbers are kept as their digits. */
  messageId: string | undefined;
  /** Who the message was sent to, digits only. */
  recipient: string | undefined;
  /** `whatsapp` for these messages; the endpoint serves every channel. */
  channel: string | undefined;
  /** Zixflow's detail text, e.g. why it failed. */
  remark: string | undefined;
}
