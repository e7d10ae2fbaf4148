/** One variable of a template registered with the sandbox, in Zixflow's variable-keys shape. */
export interface SandboxTemplateVariable {
  keyName: string;
  label?: string;
  /** `IMAGE_URL`, `VIDEO_URL`, `DOCUMENT_URL`, `TEXT` or `OTP`. */
  type: string;
}

/** A template a test makes known to the sandbox, so the variable-keys endpoint can serve it. */
export interface SandboxTemplate {
  templateName: string;
  language: string;
  /** The sender it is approved for; any sender when left out. */
  phoneId?: string;
  variables: SandboxTemplateVariable[];
}

/** Path the campaign API is believed to serve template variables on (from third-party catalogues). */
export const SANDBOX_VARIABLE_KEYS_PATH = '/api/v1/campaign/whatsapp/variable-keys';

/** What the variable-keys endpoint answers for one query. */
export interface VariableKeysAnswer {
  status: number;
  payload: Record<string, unknown>;
}

/**
 * Templates registered by tests, answered the way the docs show the variable-keys endpoint:
 * `{ status: true, message: 'Success', data: [ { label, keyName, type } ] }`, or 404 for an unknown
 * template (the real error is undocumented).
 */
export class SandboxTemplateRegistry {
  private readonly templates: SandboxTemplate[] = [];

  /** Makes a template known; a later registration of the same name and language wins. */
  register(template: SandboxTemplate): void {
    this.templates.unshift({ ...template, variables: template.variables.map((variable) => ({ ...variable })) });
  }

  /** Forgets every template. */
  clear(): void {
    this.templates.length = 0;
  }

  /** Answers a GET with `phoneId`, `templateName` and `language` query parameters. */
  answer(query: Record<string, string>): VariableKeysAnswer {
    const missing = ['phoneId', 'templateName', 'language'].filter((name) => !query[name]);
    if (missing.length > 0) {
      return {
        status: 400,
        payload: {
          status: false,
          message: 'Invalid data Provided',
          details: missing.map((name) => `${name}: is required`),
        },
      };
    }
    const found = this.templates.find(
      (template) =>
        template.templateName === query.templateName &&
        template.language === query.language &&
        (template.phoneId === undefined || template.phoneId === query.phoneId),
    );
    if (found === undefined) {
      return { status: 404, payload: { status: false, message: 'Template not found' } };
    }
    return { status: 200, payload: { status: true, message: 'Success', data: found.variables } };
  }
}
