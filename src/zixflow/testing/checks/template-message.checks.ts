import { checkOptionalEnvelope, checkRecipient, OPTIONAL_ENVELOPE_KEYS, RECIPIENT_KEYS } from './envelope.checks';
import { checkNonBlankString, checkUnknownKeys } from './field.checks';
import { describe, isPlainObject, type JsonObject, type Problems } from './json-value';

const TEMPLATE_KEYS = [...RECIPIENT_KEYS, 'templateName', 'language', 'variables', ...OPTIONAL_ENVELOPE_KEYS];

/**
 * Problems with a template message body, as POSTed to
 * `/api/v1/campaign/whatsapp/send`. Empty array means valid.
 */
export function checkTemplateMessageBody(body: unknown): string[] {
  if (!isPlainObject(body)) return [`body: must be a JSON object (got ${describe(body)})`];
  const problems: Problems = [];
  checkRecipient(body, problems);
  checkNonBlankString(body, 'templateName', 'templateName', problems);
  checkNonBlankString(body, 'language', 'language', problems);
  checkVariables(body, problems);
  checkOptionalEnvelope(body, problems);
  checkUnknownKeys(body, TEMPLATE_KEYS, '', problems);
  return problems;
}

/**
 * Every variable is a string. Left out, the template is sent without variables: the campaign page
 * marks `variables` required, but Zixflow's own SDK sends a template without it and the AI API
 * documents it as optional, so both APIs accept a body without `variables` here.
 */
export function checkVariables(body: JsonObject, problems: Problems): void {
  const variables = body.variables;
  if (variables === undefined) return;
  if (!isPlainObject(variables)) {
    problems.push(`variables: must be an object (got ${describe(variables)})`);
    return;
  }
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string') problems.push(`variables.${name}: must be a string (got ${describe(value)})`);
  }
}
