import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowTimeoutError } from '../../core/errors/zixflow-network.error';
import { ZixflowPacingQueueFullError } from '../../core/errors/zixflow-pacing-queue-full.error';
import { PacingRefusal } from './pacing/pacing-refusal';
import { ZixflowPacer } from './pacing/zixflow-pacer';
import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZixflowRetryEvent } from '../options/zixflow-options.interface';
import { ResolvedZixflowOptions } from '../options/zixflow-options.schema';
import { redactLogLine } from '../../core/json/redact-log-line';
import { retryDelayMs } from './retry/retry-delay';
import { ZixflowOutgoingRequest } from './http/zixflow-request-body.interface';
import { ZixflowHttpTransport } from './http/zixflow-http.transport';

export type { ZixflowOutgoingRequest } from './http/zixflow-request-body.interface';

/**
 * Sends one message reliably: each attempt waits for its sending number's slot (`rateLimit`),
 * then makes one request through {@link ZixflowHttpTransport}; a failure that is safe to repeat is
 * retried after a back-off. Resolves with the send result or rejects with the last typed error,
 * which carries the number of attempts; that failure is logged once, at error level.
 */
export class ZixflowDelivery {
  private readonly logger = new Logger('Zixflow');

  constructor(
    private readonly transport: ZixflowHttpTransport,
    private readonly pacer: ZixflowPacer,
    private readonly options: ResolvedZixflowOptions,
  ) {}

  /**
   * Posts the request (its path relative to the base URL), retrying as the module options allow,
   * or once when the call says `retry: false`.
   */
  async post(request: ZixflowOutgoingRequest, call: { retry?: false } = {}): Promise<ZixflowSendResult> {
    const retry = call.retry === false ? false : this.options.retry;
    const { path } = request;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(request, attempt);
      } catch (error) {
        if (!(error instanceof ZixflowError)) {
          throw error;
        }
        const delayMs = retryDelayMs(error, attempt, retry);
        if (delayMs === undefined) {
          throw this.reportFailure(request, error);
        }
        this.announceRetry(request, { attempt, delayMs, error, endpoint: path });
        await sleep(delayMs);
      }
    }
  }

  /** One attempt: the time-out budget covers the wait for a send slot plus the request. */
  private attempt(request: ZixflowOutgoingRequest, attempt: number): Promise<ZixflowSendResult> {
    const refusalError = (refusal: PacingRefusal): ZixflowError =>
      this.pacingError(refusal, request.path, request.phoneId, attempt);
    return this.pacer.run(request.phoneId, this.options.timeoutMs, refusalError, (timeoutMs) =>
      this.transport.post(request, timeoutMs, attempt),
    );
  }

  /** Nothing was sent for a refused attempt; only the requests made before it count as attempts. */
  private pacingError(refusal: PacingRefusal, endpoint: string, phoneId: string, attempt: number): ZixflowError {
    const attempts = attempt - 1;
    const { timeoutMs, rateLimit } = this.options;
    return refusal === 'queue-full'
      ? new ZixflowPacingQueueFullError({ endpoint, phoneId, maxQueued: rateLimit?.maxQueued ?? 0, attempts })
      : new ZixflowTimeoutError({ endpoint, timeoutMs, requestSent: false, attempts });
  }

  private announceRetry(request: ZixflowOutgoingRequest, event: ZixflowRetryEvent): void {
    this.logger.debug(
      `POST ${event.endpoint} to ${maskPhoneNumber(request.to)}: ${event.error.name} on attempt ${event.attempt}, retrying in ${event.delayMs} ms`,
    );
    const { retry } = this.options;
    if (retry === false || retry.onRetry === undefined) {
      return;
    }
    try {
      retry.onRetry(event);
    } catch (hookError) {
      // A faulty metrics hook must not turn a recoverable failure into a lost message.
      const reason = hookError instanceof Error ? hookError.message : String(hookError);
      this.logger.warn(redactLogLine(`retry.onRetry threw and was ignored: ${reason}`, this.options.secrets));
    }
  }

  private reportFailure(request: ZixflowOutgoingRequest, error: ZixflowError): ZixflowError {
    // Zixflow's message is quoted verbatim in the error and may echo a credential or the number.
    this.logger.error(
      `POST ${request.path} to ${maskPhoneNumber(request.to)} failed: ${error.name}: ${redactLogLine(error.message, this.options.secrets)}`,
    );
    return error;
  }
}
