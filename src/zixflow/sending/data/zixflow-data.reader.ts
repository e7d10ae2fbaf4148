import {
  ZIXFLOW_AI_ACCOUNTS_PATH,
  ZIXFLOW_AI_DELIVERY_REPORT_PATH,
  zixflowAiPhoneDataPath,
} from '../../core/api/zixflow-api.constants';
import { ZixflowApiError, ZixflowNotFoundError } from '../../core/errors/zixflow-api.error';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { JsonObject } from '../../core/json/payload-fields';
import { redactSecret } from '../../core/json/redact-secret';
import { ZixflowHttpTransport } from '../delivery/http/zixflow-http.transport';
import { ResolvedZixflowOptions } from '../options/zixflow-options.schema';
import { parseAccounts, parseDeliveryStatus, parseTemplatePage } from './parse-data-answers';
import type {
  ZixflowAccount,
  ZixflowDeliveryStatus,
  ZixflowListTemplatesOptions,
  ZixflowTemplate,
} from './zixflow-data.types';

/** The documented default page size of the templates endpoint (§3.17). */
const DEFAULT_PAGE_SIZE = 10;
/** Far beyond any real template count: a server that never ends its pages is reported, not followed forever. */
const MAX_PAGES = 1000;

/**
 * The AI API's data endpoints (§3.16-§3.19): the workspace's WhatsApp accounts, a number's templates
 * over every page, and the delivery report of a send. The campaign API documents none of them, so on
 * it every call is refused before the network with a message that names `api: 'ai'`.
 */
export class ZixflowDataReader {
  constructor(
    private readonly transport: ZixflowHttpTransport,
    private readonly options: ResolvedZixflowOptions,
  ) {}

  /** Every WhatsApp number of the workspace, with its quality rating and daily limit. */
  async listAccounts(): Promise<ZixflowAccount[]> {
    this.requireAi('listAccounts', 'an accounts endpoint');
    const envelope = await this.transport.get(ZIXFLOW_AI_ACCOUNTS_PATH, {});
    return (
      parseAccounts(envelope) ?? this.unexpected(ZIXFLOW_AI_ACCOUNTS_PATH, envelope, 'the answer holds no account list')
    );
  }

  /**
   * Every template of `phoneId` (default `defaultPhoneId`), page after page as the loop asks for
   * them: the next page is fetched only when the previous one is used up.
   */
  async *listTemplates(phoneId?: string, options: ZixflowListTemplatesOptions = {}): AsyncGenerator<ZixflowTemplate> {
    this.requireAi('listTemplates', 'a templates endpoint');
    const number = this.phoneIdOf(phoneId);
    const pageSize = pageSizeOf(options.pageSize);
    const path = zixflowAiPhoneDataPath(number, 'templates');
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const envelope = await this.transport.get(path, { limit: String(pageSize), offset: String(offset) });
      const parsed =
        parseTemplatePage(envelope) ?? this.unexpected(path, envelope, 'the answer holds no template list');
      yield* parsed.templates;
      offset += parsed.itemCount;
      // The total ends the walk when given; without it, a short page is the last one.
      const done =
        parsed.itemCount === 0 || (parsed.total !== undefined ? offset >= parsed.total : parsed.itemCount < pageSize);
      if (done) return;
    }
    this.unexpected(path, {}, `pagination did not end after ${MAX_PAGES} pages`);
  }

  /**
   * Where the message sent with `requestId` is. Rejects with {@link ZixflowNotFoundError} when
   * Zixflow does not know the id (404, §3.19).
   */
  async getDeliveryReport(requestId: string): Promise<ZixflowDeliveryStatus> {
    this.requireAi('getDeliveryReport', 'a delivery-report endpoint by request id');
    if (typeof requestId !== 'string' || requestId.trim() === '') {
      throw new ZixflowValidationError(['requestId must be the requestId a send resolved with']);
    }
    const path = ZIXFLOW_AI_DELIVERY_REPORT_PATH;
    let envelope: JsonObject;
    try {
      envelope = await this.transport.get(path, { request_id: requestId });
    } catch (error) {
      if (error instanceof ZixflowApiError && error.status === 404) {
        const { status, zixflowMessage, endpoint, method, body, attempts } = error;
        throw new ZixflowNotFoundError({ status, zixflowMessage, endpoint, method, body, attempts });
      }
      throw error;
    }
    return (
      parseDeliveryStatus(envelope, requestId) ?? this.unexpected(path, envelope, 'the answer holds no delivery report')
    );
  }

  private requireAi(method: string, what: string): void {
    if (this.options.api !== 'ai') {
      throw new ZixflowConfigurationError(
        `${method}: the campaign API documents no ${what}; configure ZixflowModule with api: 'ai' ` +
          `(ZIXFLOW_API=ai) and a workspaceId to use the Zixflow AI API`,
      );
    }
  }

  private phoneIdOf(phoneId: string | undefined): string {
    const number = phoneId ?? this.options.defaultPhoneId;
    if (number === undefined || typeof number !== 'string' || number.trim() === '') {
      throw new ZixflowValidationError(['phoneId is required: pass it or configure defaultPhoneId (ZIXFLOW_PHONE_ID)']);
    }
    return number;
  }

  /** A success whose body lacks what the docs promise: surfaced, redacted, rather than read as "nothing". */
  private unexpected(endpoint: string, body: JsonObject, problem: string): never {
    throw new ZixflowApiError({
      status: 200,
      endpoint,
      method: 'GET',
      body: redactSecret(body, this.options.secrets),
      zixflowMessage: problem,
    });
  }
}

function pageSizeOf(pageSize: number | undefined): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`listTemplates: pageSize must be a whole number of 1 or more (got ${String(size)})`);
  }
  return size;
}
