import axios, {
  AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  AxiosResponse,
  InternalAxiosRequestConfig,
  RawAxiosHeaders,
} from 'axios';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as https from 'node:https';
import { pipeline, Readable } from 'node:stream';
import * as zlib from 'node:zlib';

/**
 * The answer size allowed when axios's `maxContentLength` is left at its default (-1, no limit).
 * Zixflow's answers are a few hundred bytes and a page of templates a few hundred kilobytes; a
 * proxy's endless answer must not fill the memory of a process sending on the hot path.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** What axios's own adapter advertises (without zstd, which Node 20 cannot decode). */
const ACCEPT_ENCODING = 'gzip, compress, deflate, br';

/** An absolute URL, as axios's `isAbsoluteURL` decides it. */
const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;

/** Proxy variables axios's own adapter honours when `proxy` is not set to false. */
const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'] as const;

type Settle = { resolve: (response: AxiosResponse) => void; reject: (error: unknown) => void };

/**
 * Whether this request is one the lean path does exactly as axios's own http adapter would: a
 * string body (what `transformRequest` makes of a JSON body) or none, no query parameters, no
 * redirects, no proxy, no streams, progress, cancellation or custom transport. Anything else goes
 * to axios's adapter, so unusual configurations keep axios's behaviour in full.
 */
function isLeanRequest(config: InternalAxiosRequestConfig): boolean {
  const { data, params, responseType } = config;
  return (
    (data === undefined || typeof data === 'string') &&
    (params === undefined || (typeof params === 'object' && params !== null && Object.keys(params).length === 0)) &&
    config.maxRedirects === 0 &&
    (responseType === undefined || responseType === 'json') &&
    config.signal === undefined &&
    config.cancelToken === undefined &&
    config.onUploadProgress === undefined &&
    config.onDownloadProgress === undefined &&
    config.maxRate === undefined &&
    (config.socketPath === undefined || config.socketPath === null) &&
    config.auth === undefined &&
    config.lookup === undefined &&
    config.family === undefined &&
    config.transport === undefined &&
    config.beforeRedirect === undefined &&
    config.insecureHTTPParser === undefined &&
    config.decompress !== false &&
    config.responseEncoding === undefined &&
    (config.proxy === false || (config.proxy === undefined && !PROXY_VARIABLES.some((name) => process.env[name])))
  );
}

/** `baseURL` and `url` joined as axios's `buildFullPath` joins them. */
function fullUrl(config: InternalAxiosRequestConfig): string {
  const url = config.url ?? '';
  const base = config.baseURL;
  if (base === undefined || base === '' || (ABSOLUTE_URL.test(url) && config.allowAbsoluteUrls !== false)) {
    return url;
  }
  return url === '' ? base : `${base.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}`;
}

/**
 * An axios adapter that posts with `node:http` / `node:https` directly on the instance's
 * keep-alive agents. axios's own adapter does far more per request than a JSON call needs (a
 * redirect follower, a stream pipeline, header objects rebuilt twice, a body written in two
 * pieces), and on the send path it cost more than all of the library's own work. axios stays the
 * client: interceptors, defaults, `transformRequest` / `transformResponse` (JSON parsing) and
 * `validateStatus` all still apply, and the result is the `AxiosResponse` or `AxiosError` axios's
 * adapter gives: a time-out is `ETIMEDOUT` (with `clarifyTimeoutError`, else `ECONNABORTED`),
 * socket errors keep their code (`ECONNREFUSED`, `ECONNRESET`, TLS codes), `error.request` is
 * the `ClientRequest` (so whether it was written can be read), a 3xx is an answer, and an answer
 * cut short is `ERR_BAD_RESPONSE`. Requests it does not handle exactly so go to `fallback`.
 */
export function createZixflowHttpAdapter(fallback: AxiosAdapter): AxiosAdapter {
  return (config) => (isLeanRequest(config) ? leanRequest(config) : fallback(config));
}

/** axios's own `http` adapter, for the requests the lean path leaves to it. */
export function axiosHttpAdapter(): AxiosAdapter {
  return axios.getAdapter('http');
}

function leanRequest(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  return new Promise<AxiosResponse>((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(fullUrl(config));
    } catch (error) {
      reject(AxiosError.from(error, AxiosError.ERR_BAD_REQUEST, config));
      return;
    }
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') {
      reject(new AxiosError(`Unsupported protocol ${target.protocol}`, AxiosError.ERR_BAD_REQUEST, config));
      return;
    }
    const body = config.data as string | undefined;
    const length = body === undefined ? undefined : Buffer.byteLength(body, 'utf8');
    if (length !== undefined && config.maxBodyLength !== undefined && config.maxBodyLength > -1) {
      if (length > config.maxBodyLength) {
        reject(new AxiosError('Request body larger than maxBodyLength limit', AxiosError.ERR_BAD_REQUEST, config));
        return;
      }
    }
    send(config, target, secure, { body, length }, { resolve, reject });
  });
}

/** Sockets already given TCP keep-alive probes: set once per socket, not once per request. */
const probedSockets = new WeakSet<object>();

/** TCP keep-alive probes every minute, as axios's adapter sets them, so a silent peer is noticed. */
function keepSocketAlive(socket: Socket): void {
  if (probedSockets.has(socket)) return;
  probedSockets.add(socket);
  if (typeof socket.setKeepAlive === 'function') socket.setKeepAlive(true, 60_000);
}

function requestHeaders(config: InternalAxiosRequestConfig, length: number | undefined): http.OutgoingHttpHeaders {
  const headers = AxiosHeaders.from(config.headers);
  headers.set('User-Agent', `axios/${axios.VERSION}`, false);
  headers.set('Accept-Encoding', ACCEPT_ENCODING, false);
  if (length !== undefined) {
    headers.setContentLength(length, false);
  }
  return headers.toJSON(true) as http.OutgoingHttpHeaders;
}

function send(
  config: InternalAxiosRequestConfig,
  target: URL,
  secure: boolean,
  { body, length }: { body: string | undefined; length: number | undefined },
  settle: Settle,
): void {
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (outcome: () => void): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    outcome();
  };
  const options: https.RequestOptions = {
    protocol: target.protocol,
    hostname: target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    method: (config.method ?? 'get').toUpperCase(),
    headers: requestHeaders(config, length),
    agent: (secure ? config.httpsAgent : config.httpAgent) as http.Agent | undefined,
  };
  const request = (secure ? https : http).request(options, (res) =>
    readAnswer(config, request, res, { resolve: (r) => finish(() => settle.resolve(r)), reject: fail }),
  );
  function fail(error: unknown): void {
    finish(() => settle.reject(error));
    request.destroy();
  }
  request.on('error', (error) => fail(AxiosError.from(error, undefined, config, request)));
  request.on('socket', keepSocketAlive);
  const timeout = config.timeout ?? 0;
  if (timeout > 0) {
    // One wall-clock timer for the whole exchange, connect and TLS handshake included: axios's
    // adapter arms the same timer for the connect phase, then an idle timer on the socket.
    timer = setTimeout(() => {
      const message = config.timeoutErrorMessage ?? `timeout of ${timeout}ms exceeded`;
      const code = config.transitional?.clarifyTimeoutError ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED;
      fail(new AxiosError(message, code, config, request));
    }, timeout);
  }
  // Headers and body in one write (one packet): Node joins a string body to the header text,
  // where a Buffer (as axios's adapter sends, in a second write) goes out in a writev of two.
  if (body === undefined) request.end();
  else request.end(body, 'utf8');
}

function readAnswer(
  config: InternalAxiosRequestConfig,
  request: http.ClientRequest,
  res: http.IncomingMessage,
  settle: Settle,
): void {
  const limit =
    config.maxContentLength !== undefined && config.maxContentLength > -1
      ? config.maxContentLength
      : DEFAULT_MAX_ANSWER_BYTES;
  const headers = new AxiosHeaders(res.headers as RawAxiosHeaders);
  const response: AxiosResponse = {
    data: undefined,
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    headers,
    config,
    request,
  };
  const stream = decoded(res, config.method, headers);
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const failWith = (error: AxiosError): void => {
    if (done) return;
    done = true;
    stream.destroy();
    settle.reject(error);
  };
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      failWith(
        new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config, request),
      );
      return;
    }
    chunks.push(chunk);
  });
  res.on('aborted', () =>
    failWith(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE, config, request, response)),
  );
  stream.on('error', (error) => failWith(AxiosError.from(error, undefined, config, request, response)));
  stream.on('end', () => {
    if (done) return;
    done = true;
    const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
    response.data = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    settleStatus(response, settle);
  });
}

/** The answer's body stream, decompressed as axios's adapter does it (and the header then removed). */
function decoded(res: http.IncomingMessage, method: string | undefined, headers: AxiosHeaders): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === '') return res;
  if (method?.toUpperCase() === 'HEAD' || res.statusCode === 204) {
    headers.delete('content-encoding');
    return res;
  }
  let decoder: zlib.Unzip | zlib.BrotliDecompress | undefined;
  if (['gzip', 'x-gzip', 'compress', 'x-compress', 'deflate'].includes(encoding)) {
    // Unzip tells gzip from zlib-wrapped deflate by the header, as axios's header check does.
    decoder = zlib.createUnzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } else if (encoding === 'br') {
    decoder = zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    });
  }
  if (decoder === undefined) return res;
  headers.delete('content-encoding');
  return pipeline(res, decoder, () => undefined);
}

/** axios's `settle`: resolves unless `validateStatus` refuses the status. */
function settleStatus(response: AxiosResponse, settle: Settle): void {
  const { validateStatus } = response.config;
  if (!response.status || !validateStatus || validateStatus(response.status)) {
    settle.resolve(response);
    return;
  }
  const family = Math.floor(response.status / 100);
  const code = family === 4 ? AxiosError.ERR_BAD_REQUEST : family === 5 ? AxiosError.ERR_BAD_RESPONSE : undefined;
  settle.reject(
    new AxiosError(
      `Request failed with status code ${response.status}`,
      code,
      response.config,
      response.request,
      response,
    ),
  );
}
