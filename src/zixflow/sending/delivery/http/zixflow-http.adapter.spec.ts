import axios, { AxiosAdapter, AxiosError, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { createServer, Agent, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { axiosHttpAdapter, createZixflowHttpAdapter } from './zixflow-http.adapter';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** The library's axios settings (create-zixflow-axios.ts) with the given adapter. */
function client(baseURL: string, adapter: AxiosAdapter, extra: Record<string, unknown> = {}): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: 2_000,
    headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json', Accept: 'application/json' },
    httpAgent: new Agent({ keepAlive: true }),
    validateStatus: () => true,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    adapter,
    ...extra,
  });
}

async function caught(promise: Promise<unknown>): Promise<AxiosError> {
  try {
    await promise;
  } catch (error) {
    return error as AxiosError;
  }
  throw new Error('expected a rejection');
}

describe('createZixflowHttpAdapter', () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler;
  const lean = createZixflowHttpAdapter(axiosHttpAdapter());
  const instances: AxiosInstance[] = [];

  function make(adapter: AxiosAdapter, extra?: Record<string, unknown>): AxiosInstance {
    const instance = client(baseUrl, adapter, extra);
    instances.push(instance);
    return instance;
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => handler(req, res, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const instance of instances.splice(0)) (instance.defaults.httpAgent as Agent).destroy();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The parts of an answer the library reads, plus what axios reports of it. */
  function view(response: AxiosResponse): unknown {
    return {
      status: response.status,
      statusText: response.statusText,
      data: response.data as unknown,
      contentType: response.headers['content-type'] as unknown,
      retryAfter: response.headers['retry-after'] as unknown,
      location: response.headers.location as unknown,
    };
  }

  const answers: Array<[string, Handler]> = [
    ['a JSON success', (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true}')],
    ['a 429 with Retry-After', (_q, res) => res.writeHead(429, { 'retry-after': '2' }).end('{"message":"slow"}')],
    ['a redirect, not followed', (_q, res) => res.writeHead(302, { location: '/elsewhere' }).end()],
    ['an HTML error page', (_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad</h1>')],
    ['an empty 204', (_q, res) => res.writeHead(204).end()],
    ['a body with a BOM', (_q, res) => res.writeHead(200).end('\ufeff{"status":true}')],
    ['a broken JSON text', (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"st')],
    ['a gzip answer', (_q, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"a":1}'))],
    ['multi-byte text in pieces', (_q, res) => (res.write(Buffer.from([0xe2, 0x82])), res.end(Buffer.from([0xac])))],
  ];

  it.each(answers)('answers %s exactly as axios’s own adapter does', async (_label, answer) => {
    handler = answer;
    const ours = await make(lean).post('/send', { to: '1' });
    const theirs = await make(axiosHttpAdapter()).post('/send', { to: '1' });

    expect(view(ours)).toEqual(view(theirs));
    expect(ours.request).toBeDefined();
  });

  it('sends the body and headers axios sends, in one request', async () => {
    const seen: Array<Record<string, unknown>> = [];
    handler = (req, res, body) => {
      const { host: _host, connection: _connection, ...headers } = req.headers;
      seen.push({ method: req.method, url: req.url, headers, body });
      res.end('{}');
    };
    await make(lean).post('/api/send', { to: '13023895111', text: { body: 'é' } });
    await make(axiosHttpAdapter()).post('/api/send', { to: '13023895111', text: { body: 'é' } });

    expect(seen[0]).toEqual(seen[1]);
  });

  it('rejects a refused validateStatus as axios does, with the response attached', async () => {
    handler = (_q, res) => res.writeHead(404).end('{"message":"no"}');
    const error = await caught(make(lean, { validateStatus: (status: number) => status < 400 }).post('/x', {}));

    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', response: { status: 404, data: { message: 'no' } } });
  });

  it('a stalled answer is ETIMEDOUT with the written request attached', async () => {
    handler = () => undefined;
    const error = await caught(make(lean).post('/x', { a: 1 }, { timeout: 150 }));

    expect(error).toMatchObject({ code: 'ETIMEDOUT', message: 'timeout of 150ms exceeded' });
    expect((error.request as { writableFinished: boolean }).writableFinished).toBe(true);
  });

  it('a time-out is ECONNABORTED without clarifyTimeoutError, as in axios', async () => {
    handler = () => undefined;
    const error = await caught(make(lean, { transitional: {} }).post('/x', {}, { timeout: 100 }));

    expect(error.code).toBe('ECONNABORTED');
  });

  it('an answer cut short is ERR_BAD_RESPONSE', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"status":');
      setImmediate(() => res.socket?.destroy());
    };
    const error = await caught(make(lean).post('/x', {}));

    expect(error).toBeInstanceOf(AxiosError);
    expect(error.code).toBe('ERR_BAD_RESPONSE');
  });

  it('a connection dropped before any answer keeps the socket’s code', async () => {
    handler = (req) => req.socket.destroy();
    const error = await caught(make(lean).post('/x', {}));

    expect(error.code).toBe('ECONNRESET');
    expect((error.request as { writableFinished: boolean }).writableFinished).toBe(true);
  });

  it('a refused connection is ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const instance = client(`http://127.0.0.1:${port}`, lean);
    instances.push(instance);

    expect((await caught(instance.post('/x', {}))).code).toBe('ECONNREFUSED');
  });

  it('an answer over maxContentLength is refused without reading it all', async () => {
    handler = (_q, res) => res.end('x'.repeat(5_000));
    const error = await caught(make(lean, { maxContentLength: 1_000 }).post('/x', {}));

    expect(error).toMatchObject({ code: 'ERR_BAD_RESPONSE', message: 'maxContentLength size of 1000 exceeded' });
  });

  it('leaves requests it does not do exactly as axios (query parameters) to the fallback', async () => {
    handler = (req, res) => res.end(JSON.stringify({ url: req.url }));
    const seen: InternalAxiosRequestConfig[] = [];
    const fallback: AxiosAdapter = (config) => (seen.push(config), axiosHttpAdapter()(config));
    const instance = make(createZixflowHttpAdapter(fallback));

    const read = await instance.get('/vars', { params: { name: 'a b' } });
    await instance.post('/send', {});

    expect(read.data).toEqual({ url: '/vars?name=a+b' });
    expect(seen).toHaveLength(1);
  });

  it('runs the instance’s interceptors around the lean request', async () => {
    handler = (req, res) => res.end(JSON.stringify({ tag: req.headers['x-tag'] }));
    const instance = make(lean);
    instance.interceptors.request.use((config) => (config.headers.set('x-tag', 'on'), config));

    await expect(instance.post('/x', {})).resolves.toMatchObject({ data: { tag: 'on' } });
  });
});
