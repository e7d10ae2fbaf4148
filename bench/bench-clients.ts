import { NestFactory } from '@nestjs/core';
import axios from 'axios';
import { Agent, request } from 'node:http';
import { ZixflowMessage, ZixflowModule, ZixflowModuleOptions, ZixflowWhatsappService } from '../src/zixflow';

/** Key the clients send; the fake server does not check it. */
const API_KEY = 'bench-api-key';

const PHONE_ID = '104898309288724';
const PATH = '/api/v1/campaign/whatsapp/message/send';

const VIDEO = { link: 'https://cdn.example.com/clip.mp4', caption: 'Your parcel is on its way' };

/**
 * Recipients cycle through 100 000 different numbers, as in a real bulk send, so no cache of a
 * single recipient flatters the library. Message `i` goes to +1 302 followed by i on 7 digits.
 */
const RECIPIENTS = 100_000;

/** The message as a caller writes it: a formatted number and no phoneId (the default applies). */
function messageFor(i: number): { to: string; video: typeof VIDEO } {
  const line = String(i % RECIPIENTS).padStart(7, '0');
  return { to: `+1 (302) ${line.slice(0, 3)}-${line.slice(3)}`, video: VIDEO };
}

/** The body the service sends for {@link messageFor}; the raw clients send it as is. */
function bodyFor(i: number): Record<string, unknown> {
  return { to: `1302${String(i % RECIPIENTS).padStart(7, '0')}`, phoneId: PHONE_ID, type: 'video', video: VIDEO };
}

const HEADERS = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', accept: 'application/json' };

/** One send; resolves once Zixflow's success answer has been read. */
export type SendOnce = () => Promise<unknown>;

/** The keep-alive settings every client uses: the library's own (create-zixflow-axios.ts). */
function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true });
}

function assertSuccess(answer: unknown): unknown {
  if ((answer as { status?: unknown } | null)?.status !== true) {
    throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
  }
  return answer;
}

/** (a) The floor: node:http with a keep-alive agent, serialising the body and parsing the answer. */
export function plainHttpClient(baseUrl: string): SendOnce {
  const agent = keepAliveAgent();
  const { hostname, port } = new URL(baseUrl);
  let sent = 0;
  return () =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(bodyFor(sent++));
      const req = request(
        {
          agent,
          hostname,
          port,
          path: PATH,
          method: 'POST',
          headers: { ...HEADERS, 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            try {
              resolve(assertSuccess(JSON.parse(text)));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

/** (b) Plain axios, configured as the library configures its own instance. */
export function plainAxiosClient(baseUrl: string): SendOnce {
  const instance = axios.create({
    baseURL: baseUrl,
    timeout: 10_000,
    headers: HEADERS,
    httpAgent: keepAliveAgent(),
    validateStatus: () => true,
    maxRedirects: 0,
  });
  let sent = 0;
  return () => instance.post<unknown>(PATH, bodyFor(sent++)).then((response) => assertSuccess(response.data));
}

/** The library in a Nest application context, with what the benchmark needs from it. */
export interface ServiceClient {
  /** (c) One `sendVideo` of the typed message. */
  send: SendOnce;
  /** (d) `sendMany` of `total` video messages with `concurrency` in flight; rejects if any failed. */
  sendMany: (total: number, concurrency: number) => Promise<void>;
  close: () => Promise<void>;
}

function* videoMessages(total: number): Generator<ZixflowMessage> {
  for (let i = 0; i < total; i += 1) {
    yield { type: 'video', ...messageFor(i) };
  }
}

/** Starts `ZixflowModule` with logging off (as in production at info level, debug lines are dropped). */
export async function startServiceClient(
  baseUrl: string,
  options: Partial<ZixflowModuleOptions> = {},
): Promise<ServiceClient> {
  const app = await NestFactory.createApplicationContext(
    ZixflowModule.forRoot({ apiKey: API_KEY, baseUrl, defaultPhoneId: PHONE_ID, ...options }),
    { logger: false },
  );
  const whatsapp = app.get(ZixflowWhatsappService);
  let sent = 0;
  return {
    send: () => whatsapp.sendVideo(messageFor(sent++)),
    sendMany: async (total, concurrency) => {
      const outcomes = await whatsapp.sendMany(videoMessages(total), { concurrency });
      const failed = outcomes.find((outcome) => !outcome.ok);
      if (failed !== undefined || outcomes.length !== total) {
        throw new Error(`sendMany: ${outcomes.length} outcomes, first failure ${JSON.stringify(failed)}`);
      }
    },
    close: () => app.close(),
  };
}
