/** One variable of a template registered with the sandbox, in Zixflow's variable-keys shape. */
export interface SandboxTemplateVariable {
  keyName: string;
  label?: string;
  /** `IMAGE_URL`, `VIDEO_URL`, `DOCUMENT_URL`, `TEXT` or `OTP`. */
  type: string;
}

/** A template a test makes known to the sandbox, so the variable-keys and templates endpoints can serve it. */
export interface SandboxTemplate {
  templateName: string;
  language: string;
  /** The sender it is approved for; any sender when left out. */
  phoneId?: string;
  variables: SandboxTemplateVariable[];
  /** `MARKETING`, `UTILITY` or `AUTHENTICATION` (§3.17). Default `UTILITY`. */
  category?: string;
  /** `APPROVED`, `PENDING` or `REJECTED`. Default `APPROVED`. */
  status?: string;
  /** Meta's component array, listed as given. Default `[]`. */
  components?: unknown[];
}

/** Path the campaign API is believed to serve template variables on (from third-party catalogues). */
export const SANDBOX_VARIABLE_KEYS_PATH = '/api/v1/campaign/whatsapp/variable-keys';

/** What a template endpoint answers for one query. */
export interface VariableKeysAnswer {
  status: number;
  payload: Record<string, unknown>;
}

/**
 * Templates every sandbox knows from the start, so the AI API's templates endpoint has something to
 * list (and page through). Their names start with `sandbox_`, so they never shadow a test's own.
 */
export const SANDBOX_SEEDED_TEMPLATES: readonly SandboxTemplate[] = [
  {
    templateName: 'sandbox_welcome',
    language: 'en',
    category: 'UTILITY',
    variables: [{ keyName: 'customer_name', label: 'Customer Name', type: 'TEXT' }],
  },
  {
    templateName: 'sandbox_order_shipped',
    language: 'en',
    category: 'UTILITY',
    variables: [
      { keyName: 'order_id', label: 'Order', type: 'TEXT' },
      { keyName: 'product_image', label: 'Product Image', type: 'IMAGE_URL' },
    ],
  },
  {
    templateName: 'sandbox_login_code',
    language: 'en',
    category: 'AUTHENTICATION',
    variables: [{ keyName: 'otp_code', label: 'OTP Code', type: 'OTP' }],
  },
  { templateName: 'sandbox_spring_sale', language: 'en', category: 'MARKETING', status: 'PENDING', variables: [] },
];

/** The documented default page size of the templates endpoint (§3.17), and the largest the sandbox serves. */
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/**
 * Templates registered by tests (plus the seeded ones), answered the way the docs show the
 * campaign variable-keys endpoint (`{ status: true, data: [ … ] }`, §2.2), the AI variable-keys
 * endpoint (`{ success: true, data: { data: [ … ] } }`, §3.18) and the AI templates endpoint
 * (paginated, §3.17); an unknown template is a 404 (the real error is undocumented).
 */
export class SandboxTemplateRegistry {
  private readonly templates: SandboxTemplate[] = SANDBOX_SEEDED_TEMPLATES.map(copyOf);

  /** Makes a template known; a later registration of the same name and language wins. */
  register(template: SandboxTemplate): void {
    this.templates.unshift(copyOf(template));
  }

  /** Answers the campaign API's GET with `phoneId`, `templateName` and `language` query parameters. */
  answer(query: Record<string, string>): VariableKeysAnswer {
    const missing = ['phoneId', 'templateName', 'language'].filter((name) => !query[name]);
    if (missing.length > 0) return invalid('status', missing);
    const found = this.find(query.phoneId, query.templateName, query.language);
    if (found === undefined) return { status: 404, payload: { status: false, message: 'Template not found' } };
    return { status: 200, payload: { status: true, message: 'Success', data: found.variables } };
  }

  /** Answers the AI API's `GET /api/data/whatsapp/v1/{phone_id}/variable-keys?template_name=&language=`. */
  answerAiVariables(phoneId: string, query: Record<string, string>): VariableKeysAnswer {
    const missing = ['template_name', 'language'].filter((name) => !query[name]);
    if (missing.length > 0) return invalid('success', missing);
    const found = this.find(phoneId, query.template_name, query.language);
    if (found === undefined) return { status: 404, payload: { success: false, message: 'Template not found' } };
    const message = 'Template variables retrieved successfully';
    return { status: 200, payload: { success: true, message, data: { data: found.variables } } };
  }

  /** Answers the AI API's `GET /api/data/whatsapp/v1/{phone_id}/templates?limit=&offset=`, one page. */
  answerAiTemplates(phoneId: string, query: Record<string, string>): VariableKeysAnswer {
    const limit = pageNumber(query.limit, DEFAULT_PAGE_SIZE);
    const offset = pageNumber(query.offset, 0);
    if (limit === undefined || limit < 1 || limit > MAX_PAGE_SIZE || offset === undefined) {
      const details = [`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}; offset: a whole number ≥ 0`];
      return { status: 400, payload: { success: false, message: 'Invalid data Provided', details } };
    }
    const all = this.templates.filter((template) => template.phoneId === undefined || template.phoneId === phoneId);
    const page = all.slice(offset, offset + limit).map((template) => ({
      name: template.templateName,
      language: template.language,
      category: template.category ?? 'UTILITY',
      status: template.status ?? 'APPROVED',
      components: template.components ?? [],
    }));
    const pagination = { size: all.length, count: page.length, pageSize: limit };
    const message = 'Templates retrieved successfully';
    return { status: 200, payload: { success: true, message, data: { data: page, pagination } } };
  }

  private find(phoneId: string, templateName: string, language: string): SandboxTemplate | undefined {
    return this.templates.find(
      (template) =>
        template.templateName === templateName &&
        template.language === language &&
        (template.phoneId === undefined || template.phoneId === phoneId),
    );
  }
}

function copyOf(template: SandboxTemplate): SandboxTemplate {
  return { ...template, variables: template.variables.map((variable) => ({ ...variable })) };
}

function invalid(flag: 'status' | 'success', missing: string[]): VariableKeysAnswer {
  const details = missing.map((name) => `${name}: is required`);
  return { status: 400, payload: { [flag]: false, message: 'Invalid data Provided', details } };
}

/** A query number: its default when absent, undefined when it is not a whole number. */
function pageNumber(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}
