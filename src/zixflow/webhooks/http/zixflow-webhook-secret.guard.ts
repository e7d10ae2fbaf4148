import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM, ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from '../zixflow-webhooks.constants';
import { ResolvedZixflowWebhooksOptions } from '../zixflow-webhooks-options.schema';
import { WebhookAccountLookupError, WebhookAccountSecrets } from './webhook-account-secrets';
import { WebhookSecretMatcher } from './webhook-secret-matcher';
import { ZixflowWebhookHttpRequest } from './zixflow-webhook-http-request.interface';

/** Where a route expects the secret: a header (set in Zixflow's webhook settings) or `?token=` (inside reportURL). */
export type WebhookSecretSource = 'header' | 'query';

const WEBHOOK_SECRET_SOURCE = 'zixflow:webhook-secret-source';

/** Marks a webhook route with where its secret travels. */
export const WebhookSecretIn = (source: WebhookSecretSource): MethodDecorator =>
  SetMetadata(WEBHOOK_SECRET_SOURCE, source);

/**
 * Fails closed: a webhook call without the configured secret is answered 401 before its body is
 * read, so nothing is parsed or emitted. The log says what was missing, never what was sent.
 */
@Injectable()
export class ZixflowWebhookSecretGuard implements CanActivate {
  private readonly logger = new Logger('ZixflowWebhooks');
  /**
   * Each route's secret source, read from its metadata once: `Reflector.get` on every webhook cost
   * about 0.4 µs in a running app, for an answer that never changes.
   */
  private readonly sources = new Map<ReturnType<ExecutionContext['getHandler']>, WebhookSecretSource>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowWebhooksOptions,
    private readonly accountSecrets: WebhookAccountSecrets,
  ) {}

  /**
   * Lets the request through only when it carries the secret. Synchronous unless an account must
   * be looked up through `resolveAccount`.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const source = this.sourceOf(context.getHandler());
    const request = context.switchToHttp().getRequest<ZixflowWebhookHttpRequest>();
    const candidate = source === 'header' ? request.headers[this.options.secretHeader] : readTokenParam(request);
    const account = request.params?.account;
    if (account === undefined) return this.check(candidate, this.options.secret, source, account);
    const secret = this.accountSecrets.secretOf(account);
    if (!(secret instanceof Promise)) return this.check(candidate, secret, source, account);
    return secret.then(
      (found) => this.check(candidate, found, source, account),
      (error: unknown) => {
        if (!(error instanceof WebhookAccountLookupError)) throw error;
        // Zixflow retries a 5xx, so a database hiccup delays the webhook instead of losing it.
        this.logger.error(`Could not check a webhook call of account ${account}: ${error.message}`);
        throw new ServiceUnavailableException('Webhook account could not be checked; try again');
      },
    );
  }

  private sourceOf(handler: ReturnType<ExecutionContext['getHandler']>): WebhookSecretSource {
    const known = this.sources.get(handler);
    if (known !== undefined) return known;
    const source = this.reflector.get<WebhookSecretSource | undefined>(WEBHOOK_SECRET_SOURCE, handler) ?? 'header';
    this.sources.set(handler, source);
    return source;
  }

  private check(
    candidate: unknown,
    secret: WebhookSecretMatcher | undefined,
    source: WebhookSecretSource,
    account: string | undefined,
  ): boolean {
    // An account's routes open with that account's secret only; an unknown account has none.
    if (secret === undefined) {
      this.logger.warn('Refused a webhook call for an unknown account (not in accounts, nor found by resolveAccount)');
      throw new UnauthorizedException('Missing or wrong webhook secret');
    }
    if (secret.matches(candidate)) {
      return true;
    }
    const where =
      source === 'header'
        ? `header ${this.options.secretHeader}`
        : `query parameter ${ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM}`;
    const of = account === undefined ? '' : ` of account ${account}`;
    this.logger.warn(`Refused a webhook call${of}: ${candidate === undefined ? 'no' : 'wrong'} secret in ${where}`);
    throw new UnauthorizedException('Missing or wrong webhook secret');
  }
}

/** The token, only when it appears exactly once: a repeated parameter is ambiguous and refused. */
function readTokenParam(request: ZixflowWebhookHttpRequest): string | undefined {
  const url = new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost');
  const tokens = url.searchParams.getAll(ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM);
  return tokens.length === 1 ? tokens[0] : undefined;
}
