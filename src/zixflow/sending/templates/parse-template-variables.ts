import { ZixflowTemplateVariable } from './zixflow-template-variable.interface';

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the variable list in a variable-keys answer. The campaign docs show `data` as a flat array,
 * the newer API nests it as `data.data`; both are accepted, because the campaign path itself is
 * only known from third-party catalogues.
 */
function variableList(body: JsonObject): unknown[] | undefined {
  if (Array.isArray(body.data)) {
    return body.data;
  }
  return isJsonObject(body.data) && Array.isArray(body.data.data) ? body.data.data : undefined;
}

function toVariable(item: unknown): ZixflowTemplateVariable | undefined {
  if (!isJsonObject(item)) {
    return undefined;
  }
  const keyName = item.keyName ?? item.key_name ?? item.key;
  if (typeof keyName !== 'string' || keyName === '') {
    return undefined;
  }
  const type = typeof item.type === 'string' ? item.type.toUpperCase() : 'TEXT';
  return typeof item.label === 'string' ? { keyName, label: item.label, type } : { keyName, type };
}

/**
 * Reads the variables of a template from Zixflow's answer, or undefined when the answer holds no
 * variable list at all (so the caller can report an unexpected shape instead of "no variables").
 * Items without a key name are skipped; unknown fields are ignored.
 */
export function parseTemplateVariables(body: unknown): ZixflowTemplateVariable[] | undefined {
  if (!isJsonObject(body)) {
    return undefined;
  }
  const list = variableList(body);
  return list?.map(toVariable).filter((variable): variable is ZixflowTemplateVariable => variable !== undefined);
}
