import { ArgumentsHost, Catch, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import {
  ZixflowApiError,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowRateLimitError,
} from '../../core/errors/zixflow-api.error';
import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowPacingQueueFullError } from '../../core/errors/zixflow-pacing-queue-full.error';
import { ZixflowSessionWindowClosedError } from '../../core/errors/zixflow-session-window-closed.error';
import { ZixflowTimeoutError, ZixflowTlsCertificateError } from '../../core/errors/zixflow-network.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';

/** The JSON body the filter answers with, shaped like Nest's own error bodies. */
export interface ZixflowErrorResponseBody {
  statusCode: number;
  error: string;
  /** The validation lines for bad input, one sentence otherwise. */
  message: string | readonly string[];
  /** The library error class, so API clients can tell causes apart. */
  zixflowError: string;
  /** Zixflow's own status and message when Zixflow answered. */
  zixflowStatus?: number;
  zixflowMessage?: string;
}

interface HttpAnswer {
  status: number;
  body: ZixflowErrorResponseBody;
  retryAfterSeconds?: number;
}

/**
 * Opt-in filter that turns the library's errors into HTTP answers saying whose fault a failure
 * is: the caller's bad input is a 4xx, a problem between this server and Zixflow (our key, their
 * outage) is a 5xx, so clients of your API never see a 401 they cannot fix.
 *
 * Register it with `{ provide: APP_FILTER, useClass: ZixflowExceptionFilter }`, with
 * `@UseFilters(ZixflowExceptionFilter)`, or with
 * `app.useGlobalFilters(new ZixflowExceptionFilter(app.get(HttpAdapterHost).httpAdapter))`.
 * Other exceptions pass through to Nest's default handling.
 */
@Catch(ZixflowError)
export class ZixflowExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('ZixflowExceptionFilter');

  /** Answers the request with the mapping documented in the README. */
  override catch(exception: ZixflowError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw exception;
    }
    const answer = toHttpAnswer(exception);
    if (answer.status >= 500) {
      this.logger.warn(`${exception.name}: ${exception.message}`);
    }
    const adapter = this.httpAdapterHost?.httpAdapter ?? this.applicationRef;
    const response: unknown = host.switchToHttp().getResponse();
    if (!adapter) {
      throw exception;
    }
    if (answer.retryAfterSeconds !== undefined) {
      adapter.setHeader(response, 'Retry-After', String(answer.retryAfterSeconds));
    }
    adapter.reply(response, answer.body, answer.status);
  }
}

/** Maps one library error to the status and body of the HTTP answer. */
export function toHttpAnswer(error: ZixflowError): HttpAnswer {
  const base = { zixflowError: error.name };
  if (error instanceof ZixflowValidationError) {
    return answer(HttpStatus.BAD_REQUEST, 'Bad Request', error.errors, base);
  }
  if (error instanceof ZixflowApiError) {
    return answerForApiError(error, base);
  }
  const ours = answerForLocalError(error, base);
  if (ours !== undefined) {
    return ours;
  }
  if (error instanceof ZixflowTimeoutError) {
    return answer(
      HttpStatus.GATEWAY_TIMEOUT,
      'Gateway Timeout',
      'Zixflow did not answer in time; the message may or may not have been sent',
      base,
    );
  }
  return answer(HttpStatus.BAD_GATEWAY, 'Bad Gateway', 'Could not reach Zixflow', base);
}

/** Failures of this server, not of the caller or of Zixflow: the operator's to fix. */
function answerForLocalError(error: ZixflowError, base: { zixflowError: string }): HttpAnswer | undefined {
  if (error instanceof ZixflowConfigurationError) {
    return answer(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Internal Server Error',
      `Server configuration: ${error.message}`,
      base,
    );
  }
  if (error instanceof ZixflowPacingQueueFullError) {
    return answer(
      HttpStatus.SERVICE_UNAVAILABLE,
      'Service Unavailable',
      'Too many messages are waiting to be sent; retry later',
      base,
    );
  }
  if (error instanceof ZixflowSessionWindowClosedError) {
    return answer(HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Entity', error.message, base);
  }
  if (error instanceof ZixflowTlsCertificateError) {
    return answer(
      HttpStatus.BAD_GATEWAY,
      'Bad Gateway',
      'TLS certificate problem with the configured Zixflow baseUrl',
      base,
    );
  }
  return undefined;
}

function answerForApiError(error: ZixflowApiError, base: { zixflowError: string }): HttpAnswer {
  const zixflow = { ...base, zixflowStatus: error.status, zixflowMessage: error.zixflowMessage };
  if (error instanceof ZixflowBadRequestError) {
    return answer(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'Unprocessable Entity',
      `Zixflow rejected the message: ${error.zixflowMessage ?? 'no reason given'}`,
      zixflow,
    );
  }
  if (error instanceof ZixflowAuthError) {
    // The caller of this API is not the one who is unauthorised: our server's Zixflow key is.
    return answer(HttpStatus.BAD_GATEWAY, 'Bad Gateway', 'Zixflow refused this server’s credentials', zixflow);
  }
  if (error instanceof ZixflowRateLimitError) {
    const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
    return {
      ...answer(
        HttpStatus.TOO_MANY_REQUESTS,
        'Too Many Requests',
        'Zixflow is rate limiting; try again later',
        zixflow,
      ),
      retryAfterSeconds,
    };
  }
  return answer(HttpStatus.BAD_GATEWAY, 'Bad Gateway', `Zixflow failed with HTTP ${error.status}`, zixflow);
}

function answer(
  status: number,
  error: string,
  message: string | readonly string[],
  extra: Partial<ZixflowErrorResponseBody> & { zixflowError: string },
): HttpAnswer {
  return { status, body: { statusCode: status, error, message, ...extra } };
}
