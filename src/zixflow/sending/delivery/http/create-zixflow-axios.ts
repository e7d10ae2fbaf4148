import { HttpService } from '@nestjs/axios';
import axios from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';
import { ResolvedZixflowOptions } from '../../options/zixflow-options.schema';
import { axiosHttpAdapter, createZixflowHttpAdapter } from './zixflow-http.adapter';

/**
 * The credential headers of the configured API: `Authorization: Bearer` on the campaign API,
 * `x-api-key` and `x-workspace-id` on the AI API (§1; never both, so neither host sees the other's).
 */
function credentialHeaders(options: ResolvedZixflowOptions): Record<string, string> {
  if (options.api === 'ai') {
    return { 'x-api-key': options.apiKey, 'x-workspace-id': options.workspaceId ?? '' };
  }
  return { Authorization: `Bearer ${options.apiKey}` };
}

/**
 * Builds the library's own `HttpService` on a dedicated axios instance, so an app's `HttpModule`
 * interceptors, base URL or headers never touch Zixflow calls (and ours never touch the app's).
 * Keep-alive agents reuse connections across sends; they are destroyed on module shutdown.
 * Requests go out through a lean `node:http` adapter that answers exactly as axios's own would.
 */
export function createZixflowHttpService(options: ResolvedZixflowOptions): HttpService {
  const instance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    headers: {
      ...credentialHeaders(options),
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    // Every answer is mapped by us (including 200 with status: false), so axios never throws on status.
    validateStatus: () => true,
    // A redirected POST is turned into a GET by redirect followers; surface it instead.
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    // The request itself goes through node:http on the agents above; axios (interceptors,
    // transforms, validateStatus) stays the client. See zixflow-http.adapter.ts.
    adapter: createZixflowHttpAdapter(axiosHttpAdapter()),
  });
  return new HttpService(instance);
}

/** Closes the keep-alive sockets of an `HttpService` made by {@link createZixflowHttpService}. */
export function destroyZixflowHttpService(service: HttpService): void {
  const { httpAgent, httpsAgent } = service.axiosRef.defaults;
  for (const agent of [httpAgent, httpsAgent]) {
    if (agent instanceof http.Agent) {
      agent.destroy();
    }
  }
}
