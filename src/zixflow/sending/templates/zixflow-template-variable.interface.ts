/**
 * What a template variable holds, as Zixflow's variable-keys endpoint reports it. The URL types
 * take a public http(s) URL; `TEXT` and `OTP` take text. Kept open (`string & {}`) because Zixflow
 * may add types: an unknown type is accepted as text rather than refused.
 */
export type ZixflowTemplateVariableType = 'IMAGE_URL' | 'VIDEO_URL' | 'DOCUMENT_URL' | 'TEXT' | 'OTP' | (string & {});

/** One variable of an approved template. */
export interface ZixflowTemplateVariable {
  /** The key to use in `variables` when sending the template. */
  keyName: string;
  /** Human label shown in Zixflow (e.g. "Header Image"), when given. */
  label?: string;
  /** What the value must be. */
  type: ZixflowTemplateVariableType;
}

/** Which template to look up. */
export interface ZixflowTemplateQuery {
  /** Sender phone-number ID; `defaultPhoneId` when left out. */
  phoneId?: string;
  /** Approved template name. */
  templateName: string;
  /** Template language code; must match the approved template. */
  language: string;
}
