import { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { AxiosResponse } from 'axios';
import { maskPhoneNumber } from '../../../core/phone/mask-phone-number';
import { ZixflowSendResult } from '../../../core/messages/zixflow-send-result.interface';
import { ResolvedZixflowOptions } from '../../options/zixflow-options.schema';
import { ZixflowOutgoingRequest } from './zixflow-request-body.interface';
import { mapZixflowAnswer, readZixflowEnvelope } from './zixflow-response.mapper';
import { ZixflowFailedRequest, mapTransportError } from './zixflow-transport-error.mapper';

/**
 * One request to Zixflow and nothing more: posts a body, then resolves with the send result or
 * rejects with the typed error for the answer or the transport failure. Retries and pacing are
 * decided above it, by {@link ZixflowDelivery}. Logs each attempt at debug level with the number
 * masked; headers (and so the key) are never logged.
 */
export class ZixflowHttpTransport {
  private readonly logger = new Logger('Zixflow');
  /** The host (and port) of `baseUrl`, for errors; never its path or anything else of the options. */
  private readonly host: string;

  constructor(
    private readonly http: HttpService,
    private readonly options: ResolvedZixflowOptions,
  ) {
    this.host = new URL(options.baseUrl).host;
  }

  /**
   * Posts the request's body to its path (relative to the base URL) once.
   *
   * @param timeoutMs - what is left of the attempt's time budget after any wait for a send slot.
   * @param attempt - the number of this attempt, from 1, carried into any error.
   */
  async post(request: ZixflowOutgoingRequest, timeoutMs: number, attempt: number): Promise<ZixflowSendResult> {
    const { path, body } = request;
    const startedAt = performance.now();
    let response: AxiosResponse<unknown>;
    try {
      // axiosRef rather than the Observable API: one request needs no stream, and this is the hot path.
      response = await this.http.axiosRef.post<unknown>(path, body, { timeout: timeoutMs });
    } catch (error) {
      const failure = mapTransportError(error, this.request('POST', path), this.options.timeoutMs, attempt);
      this.logAttempt(request, failure.name, startedAt, attempt);
      throw failure;
    }
    this.logAttempt(request, `HTTP ${response.status}`, startedAt, attempt);
    return mapZixflowAnswer(
      { status: response.status, headers: response.headers as Record<string, unknown>, data: response.data },
      path,
      this.options.secrets,
      attempt,
    );
  }

  /**
   * Reads `path` with `query` once (GET, so safe to repeat) and resolves with Zixflow's success
   * envelope, or rejects with the typed error for the answer or the transport failure.
   */
  async get(path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.axiosRef.get<unknown>(path, { params: query, timeout: this.options.timeoutMs });
    } catch (error) {
      throw mapTransportError(error, this.request('GET', path), this.options.timeoutMs, 1);
    }
    this.logger.debug(`GET ${path}: HTTP ${response.status}`);
    const answer = {
      status: response.status,
      headers: response.headers as Record<string, unknown>,
      data: response.data,
    };
    return readZixflowEnvelope(answer, { method: 'GET', endpoint: path }, this.options.secrets);
  }

  private request(method: 'GET' | 'POST', endpoint: string): ZixflowFailedRequest {
    return { method, endpoint, host: this.host };
  }

  private logAttempt(request: ZixflowOutgoingRequest, outcome: string, startedAt: number, attempt: number): void {
    this.logger.debug(
      `POST ${request.path} to ${maskPhoneNumber(request.to)} (attempt ${attempt}): ${outcome} in ${Math.round(performance.now() - startedAt)} ms`,
    );
  }
}
