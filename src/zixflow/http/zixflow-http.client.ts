import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';
import { maskPhoneNumber } from '../phone/mask-phone-number';
import { ZixflowSendResult } from '../whatsapp/zixflow-send-result.interface';
import { ZIXFLOW_HTTP_SERVICE, ZIXFLOW_RESOLVED_OPTIONS } from '../zixflow.constants';
import { ResolvedZixflowOptions } from '../zixflow-options.resolver';
import { destroyZixflowHttpService } from './create-zixflow-axios';
import { mapZixflowAnswer } from './zixflow-response.mapper';
import { mapTransportError } from './zixflow-transport-error.mapper';

/** A request body ready to post; `to` is only read for masked logging. */
export interface ZixflowRequestBody {
  to: string;
  [field: string]: unknown;
}

/**
 * The only code that talks HTTP to Zixflow: posts a body, then resolves with the send result or
 * rejects with a typed error. Logs at debug level with the number masked and no key.
 */
@Injectable()
export class ZixflowHttpClient implements OnModuleDestroy {
  private readonly logger = new Logger('Zixflow');

  constructor(
    @Inject(ZIXFLOW_HTTP_SERVICE) private readonly http: HttpService,
    @Inject(ZIXFLOW_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowOptions,
  ) {}

  /** Posts `body` to `path` (relative to the base URL) once. */
  async post(path: string, body: ZixflowRequestBody): Promise<ZixflowSendResult> {
    const startedAt = performance.now();
    let response: AxiosResponse<unknown>;
    try {
      response = await firstValueFrom(this.http.post<unknown>(path, body));
    } catch (error) {
      throw mapTransportError(error, path, this.options.timeoutMs);
    }
    this.logger.debug(
      `POST ${path} to ${maskPhoneNumber(body.to)}: HTTP ${response.status} in ${Math.round(performance.now() - startedAt)} ms`,
    );
    return mapZixflowAnswer(
      { status: response.status, headers: response.headers as Record<string, unknown>, data: response.data },
      path,
      this.options.apiKey,
    );
  }

  /** Releases keep-alive sockets so the application (and Jest) can exit promptly. */
  onModuleDestroy(): void {
    destroyZixflowHttpService(this.http);
  }
}
