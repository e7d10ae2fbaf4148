import { inspect } from 'node:util';
import { ZixflowError, ZixflowRetryEvent } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, FAST_RETRY, VIDEO, closedPort, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';

// Real sockets and real back-off waits; a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(20_000);

const FULL_NUMBER = '13023895111';
const MASKED_NUMBER = '1302***5111';

/** Every form the key could leak in: raw, as the header, encoded, or a long piece of it. */
const KEY_FORMS: Array<[string, string]> = [
  ['the raw key', API_KEY],
  ['the Authorization header value', `Bearer ${API_KEY}`],
  ['the key in base64', Buffer.from(API_KEY).toString('base64')],
  ['the header value in base64', Buffer.from(`Bearer ${API_KEY}`).toString('base64')],
  ['the first 12 characters', API_KEY.slice(0, 12)],
  ['the last 12 characters', API_KEY.slice(-12)],
];

function representations(error: ZixflowError): string[] {
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

describe('reliability: logs and errors never show the key, and numbers are masked', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;
  const errors: ZixflowError[] = [];
  const retryEvents: ZixflowRetryEvent[] = [];

  /** Sends and keeps the error, if any, for the leak checks. */
  async function send(target: WhatsappUnderTest = service): Promise<void> {
    await target.whatsapp.sendVideo(VIDEO).catch((error: ZixflowError) => {
      errors.push(error);
    });
  }

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    service = await startWhatsapp({
      baseUrl: sandbox.url,
      timeoutMs: 200,
      retry: { ...FAST_RETRY, retries: 1, onRetry: (event) => retryEvents.push(event) },
    });

    // One of each way a send can end, several with the key echoed back by the "server".
    await send();
    sandbox.respondNext({
      status: 401,
      body: { status: false, message: `Unauthorised: Bearer ${API_KEY}`, echo: { authorization: `Bearer ${API_KEY}` } },
    });
    await send();
    sandbox.respondNext(
      { status: 503, body: `upstream rejected ${API_KEY}` },
      { status: 503, body: { message: `key ${API_KEY}` } },
    );
    await send();
    sandbox.respondNext({
      status: 400,
      headers: { 'x-echo': `Bearer ${API_KEY}` },
      body: { status: false, message: `Invalid data Provided for ${FULL_NUMBER}` },
    });
    await send();
    sandbox.respondNext({ drop: true });
    await send();
    sandbox.respondNext({ stall: true });
    await send();
    const refused = await startWhatsapp({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: false });
    await send(refused);
    await refused.moduleRef.close();
    service.logger.lines.push(...refused.logger.lines);
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  it('ran every scenario: one success, six failures, one retry', () => {
    expect(errors.map((error) => error.name)).toEqual([
      'ZixflowAuthError',
      'ZixflowServerError',
      'ZixflowBadRequestError',
      'ZixflowNetworkError',
      'ZixflowTimeoutError',
      'ZixflowNetworkError',
    ]);
    expect(retryEvents).toHaveLength(1);
  });

  it.each(KEY_FORMS)('no log line at any level contains %s', (_name, form) => {
    expect(service.logger.lines.length).toBeGreaterThan(0);
    const leaking = service.logger.lines.filter((line) => line.text.includes(form));
    expect(leaking).toEqual([]);
  });

  it.each(KEY_FORMS)('no error, however it is printed, contains %s', (_name, form) => {
    const leaking = errors.flatMap(representations).filter((text) => text.includes(form));
    expect(leaking).toEqual([]);
  });

  it('no retry event contains the key', () => {
    expect(inspect(retryEvents, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it('logs the phone number masked, never in full, even where Zixflow’s own message quotes it', () => {
    expect(service.logger.lines.filter((line) => line.text.includes(FULL_NUMBER))).toEqual([]);
    expect(service.logger.at('error', /Invalid data Provided for 1302\*\*\*5111/)).toHaveLength(1);
    expect(service.logger.at('debug', new RegExp(`to ${MASKED_NUMBER.replace(/\*/g, '\\*')}`)).length).toBeGreaterThan(
      0,
    );
  });

  it('logs every attempt at debug level with the outcome and duration', () => {
    const attempts = service.logger.at(
      'debug',
      /^POST \/api\/v1\/campaign\/whatsapp\/message\/send to 1302\*\*\*5111 \(attempt \d\): /,
    );
    expect(attempts.map((line) => line.replace(/ in \d+ ms.*$/, '').replace(/^.*: /, ''))).toEqual([
      'HTTP 200',
      'HTTP 401',
      'HTTP 503',
      'HTTP 503',
      'HTTP 400',
      'ZixflowNetworkError',
      'ZixflowTimeoutError',
      'ZixflowNetworkError',
    ]);
    expect(service.logger.at('debug', /retrying in \d+ ms/)).toHaveLength(1);
  });

  it('logs each failed send exactly once at error level, with the error class and attempt count', () => {
    const errorLines = service.logger.at('error');
    expect(errorLines).toHaveLength(errors.length);
    expect(errorLines.map((line) => /failed: (Zixflow\w+Error)/.exec(line)?.[1])).toEqual(
      errors.map((error) => error.name),
    );
    expect(errorLines[1]).toContain('(after 2 attempts)');
    expect(service.logger.at('error', /\[REDACTED\]/).length).toBeGreaterThan(0);
  });
});
