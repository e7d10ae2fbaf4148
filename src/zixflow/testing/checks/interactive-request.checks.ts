import { checkHttpUrl, checkRequiredString, checkUnknownKeys } from './field.checks';
import {
  actionOf,
  ALL_HEADER_TYPES,
  checkActionName,
  checkInteractiveHeader,
  checkInteractiveType,
  checkTextContainer,
  HEADER_AND_FOOTER_MAX,
  INTERACTIVE_BODY_MAX,
} from './interactive-parts.checks';
import { describe, isPlainObject, isPresent, type JsonObject, type Problems } from './json-value';

/*
 * The AI API's interactive kinds beyond buttons and lists (docs §3.13-§3.15): a CTA URL button, a
 * location request and an address request. Zixflow documents only their paths and the
 * `interactive { type, header, body, footer, action }` wrapper (§3.14); the inner shapes are Meta's
 * Cloud API ones (`cta_url`, `location_request_message`, `address_message`), which Zixflow relays.
 */

const DISPLAY_TEXT_MAX = 20;
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** `interactive: { type: "cta_url", header?, body, footer?, action: { name: "cta_url", parameters: { display_text, url } } }`. */
export function checkCtaUrlObject(interactive: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(interactive, ['type', 'header', 'body', 'footer', 'action'], path, problems);
  checkInteractiveType(interactive, path, 'cta_url', false, problems);
  if (isPresent(interactive, 'header')) {
    checkInteractiveHeader(interactive.header, `${path}.header`, problems, ALL_HEADER_TYPES, 'link-or-id');
  }
  checkTextContainer(interactive, 'body', path, { min: 1, max: INTERACTIVE_BODY_MAX }, true, problems);
  checkTextContainer(interactive, 'footer', path, { min: 1, max: HEADER_AND_FOOTER_MAX }, false, problems);
  const action = actionOf(interactive, path, problems);
  if (action === undefined) return;
  checkUnknownKeys(action, ['name', 'parameters'], `${path}.action`, problems);
  checkActionName(action, `${path}.action`, 'cta_url', problems);
  const parameters = parametersOf(action, `${path}.action`, problems);
  if (parameters === undefined) return;
  const at = `${path}.action.parameters`;
  checkUnknownKeys(parameters, ['display_text', 'url'], at, problems);
  checkRequiredString(parameters, 'display_text', `${at}.display_text`, { min: 1, max: DISPLAY_TEXT_MAX }, problems);
  if (parameters.url === undefined) problems.push(`${at}.url: is required`);
  else checkHttpUrl(parameters.url, `${at}.url`, problems);
}

/** `interactive: { type: "location_request_message", body, action: { name: "send_location" } }`: no header or footer. */
export function checkLocationRequestObject(interactive: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(interactive, ['type', 'body', 'action'], path, problems);
  checkInteractiveType(interactive, path, 'location_request_message', false, problems);
  checkTextContainer(interactive, 'body', path, { min: 1, max: INTERACTIVE_BODY_MAX }, true, problems);
  const action = actionOf(interactive, path, problems);
  if (action === undefined) return;
  checkUnknownKeys(action, ['name'], `${path}.action`, problems);
  checkActionName(action, `${path}.action`, 'send_location', problems);
}

/**
 * `interactive: { type: "address_message", header?, body, footer?, action: { name: "address_message",
 * parameters: { country, values?, saved_addresses?, validation_errors? } } }`. Meta offers address
 * messages in India and Singapore; any two-letter country code passes here, Meta decides the rest.
 */
export function checkAddressRequestObject(interactive: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(interactive, ['type', 'header', 'body', 'footer', 'action'], path, problems);
  checkInteractiveType(interactive, path, 'address_message', false, problems);
  if (isPresent(interactive, 'header')) {
    checkInteractiveHeader(interactive.header, `${path}.header`, problems, ['text'], 'link');
  }
  checkTextContainer(interactive, 'body', path, { min: 1, max: INTERACTIVE_BODY_MAX }, true, problems);
  checkTextContainer(interactive, 'footer', path, { min: 1, max: HEADER_AND_FOOTER_MAX }, false, problems);
  const action = actionOf(interactive, path, problems);
  if (action === undefined) return;
  checkUnknownKeys(action, ['name', 'parameters'], `${path}.action`, problems);
  checkActionName(action, `${path}.action`, 'address_message', problems);
  const parameters = parametersOf(action, `${path}.action`, problems);
  if (parameters === undefined) return;
  const at = `${path}.action.parameters`;
  checkUnknownKeys(parameters, ['country', 'values', 'saved_addresses', 'validation_errors'], at, problems);
  const country = parameters.country;
  if (country === undefined) problems.push(`${at}.country: is required`);
  else if (typeof country !== 'string' || !COUNTRY_CODE.test(country)) {
    problems.push(`${at}.country: must be a two-letter country code such as "IN" (got ${JSON.stringify(country)})`);
  }
  if (isPresent(parameters, 'values')) checkStringMap(parameters.values, `${at}.values`, problems);
  if (isPresent(parameters, 'validation_errors')) {
    checkStringMap(parameters.validation_errors, `${at}.validation_errors`, problems);
  }
  if (isPresent(parameters, 'saved_addresses')) checkSavedAddresses(parameters.saved_addresses, at, problems);
}

function parametersOf(action: JsonObject, path: string, problems: Problems): JsonObject | undefined {
  const parameters = action.parameters;
  if (parameters === undefined) problems.push(`${path}.parameters: is required`);
  else if (!isPlainObject(parameters)) {
    problems.push(`${path}.parameters: must be an object (got ${describe(parameters)})`);
  } else return parameters;
  return undefined;
}

/** Address fields (`name`, `city`, `in_pin_code`, …) are all text; Meta lists them per country. */
function checkStringMap(value: unknown, path: string, problems: Problems): void {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object (got ${describe(value)})`);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') problems.push(`${path}.${key}: must be a string (got ${describe(item)})`);
  }
}

function checkSavedAddresses(value: unknown, parentPath: string, problems: Problems): void {
  const path = `${parentPath}.saved_addresses`;
  if (!Array.isArray(value)) {
    problems.push(`${path}: must be an array (got ${describe(value)})`);
    return;
  }
  value.forEach((address: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(address)) {
      problems.push(`${at}: must be an object (got ${describe(address)})`);
      return;
    }
    checkUnknownKeys(address, ['id', 'value'], at, problems);
    checkRequiredString(address, 'id', `${at}.id`, { min: 1, max: Infinity }, problems);
    if (address.value === undefined) problems.push(`${at}.value: is required`);
    else checkStringMap(address.value, `${at}.value`, problems);
  });
}
