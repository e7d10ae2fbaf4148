import { zixflowAiPhoneDataPath } from '../../core/api/zixflow-api.constants';
import { ZixflowApiError } from '../../core/errors/zixflow-api.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { redactSecret } from '../../core/json/redact-secret';
import { ZixflowHttpTransport } from '../delivery/http/zixflow-http.transport';
import { ResolvedZixflowOptions } from '../options/zixflow-options.schema';
import { parseTemplateVariables } from './parse-template-variables';
import { TemplateVariablesCache } from './template-variables.cache';
import { ZixflowTemplateQuery, ZixflowTemplateVariable } from './zixflow-template-variable.interface';

/**
 * Looks up a template's variables on Zixflow's variable-keys endpoint, cached per
 * (phoneId, template, language) for `templates.cacheTtlMs`: on the campaign API
 * `GET {templates.variablesPath}?phoneId&templateName&language` (§2.2), on the AI API
 * `GET /api/data/whatsapp/v1/{phone_id}/variable-keys?template_name&language` (§3.18).
 */
export class ZixflowTemplateVariablesReader {
  private readonly cache: TemplateVariablesCache;

  constructor(
    private readonly transport: ZixflowHttpTransport,
    private readonly options: ResolvedZixflowOptions,
  ) {
    this.cache = new TemplateVariablesCache(options.templates.cacheTtlMs);
  }

  /** The template's variables; rejects with the typed error when Zixflow does not know it. */
  async read(query: ZixflowTemplateQuery): Promise<ZixflowTemplateVariable[]> {
    const phoneId = query.phoneId ?? this.options.defaultPhoneId;
    if (phoneId === undefined) {
      throw new ZixflowValidationError(['phoneId is required: pass it or configure defaultPhoneId (ZIXFLOW_PHONE_ID)']);
    }
    const key = TemplateVariablesCache.keyOf(phoneId, query.templateName, query.language);
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const variables = await this.fetch(phoneId, query);
    this.cache.set(key, variables);
    return variables;
  }

  private async fetch(phoneId: string, query: ZixflowTemplateQuery): Promise<ZixflowTemplateVariable[]> {
    const { templateName, language } = query;
    const [path, parameters] =
      this.options.api === 'ai'
        ? [zixflowAiPhoneDataPath(phoneId, 'variable-keys'), { template_name: templateName, language }]
        : [this.options.templates.variablesPath, { phoneId, templateName, language }];
    const envelope = await this.transport.get(path, parameters);
    const variables = parseTemplateVariables(envelope);
    if (variables === undefined) {
      // A success without a variable list: surface it rather than guess "no variables", redacted
      // and depth-bounded like every other body attached to an error, so the error stays loggable.
      throw new ZixflowApiError({
        status: 200,
        endpoint: path,
        method: 'GET',
        body: redactSecret(envelope, this.options.secrets),
        zixflowMessage: 'the answer holds no variable list',
      });
    }
    return variables;
  }
}
