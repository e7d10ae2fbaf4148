import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  ZixflowBadRequestError,
  ZixflowMessage,
  ZixflowSendOutcome,
  ZixflowServerError,
  ZixflowValidationError,
  ZIXFLOW_SESSION_MESSAGE_PATH,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from '../src/zixflow';
import { checkSessionMessageBody, checkTemplateMessageBody, ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, FAST_RETRY, PHONE_ID, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';

const LINK = 'https://cdn.example.com/media';

// Hundreds of real requests per test; a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(30_000);

/** One valid message of every kind, as a bulk sender writes them. */
const ONE_OF_EACH: ZixflowMessage[] = [
  { type: 'video', to: '+1 302 389 5111', video: { link: `${LINK}/v.mp4`, caption: 'Clip' } },
  { type: 'image', to: '+44 20 7946 0958', image: { link: `${LINK}/i.jpg` } },
  { type: 'audio', to: '+91 98765 43210', audio: { link: `${LINK}/a.ogg` } },
  { type: 'document', to: '+49 171 1234567', document: { link: `${LINK}/d.pdf`, filename: 'd.pdf' } },
  { type: 'text', to: '+1 302 389 5112', text: { body: 'Hello' } },
  { type: 'location', to: '+1 302 389 5113', location: { latitude: 52.52, longitude: '13.405', name: 'Berlin' } },
  {
    type: 'interactive',
    to: '+1 302 389 5114',
    interactive: {
      body: { text: 'Pick one' },
      action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
    },
  },
  { type: 'template', to: '+1 302 389 5115', templateName: 'order_update', language: 'en', variables: { name: 'Ada' } },
];

function failures(outcomes: ZixflowSendOutcome[]): Array<{ index: number; name: string }> {
  return outcomes.flatMap((outcome, index) => (outcome.ok ? [] : [{ index, name: outcome.error.name }]));
}

describe('reliability: sendMany', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    service = await startWhatsapp({ baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, retry: FAST_RETRY });
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  it('sends one message of every kind to its endpoint, each body passing the sandbox checks', async () => {
    const outcomes = await service.whatsapp.sendMany(ONE_OF_EACH, { concurrency: 3 });

    expect(outcomes).toHaveLength(8);
    expect(failures(outcomes)).toEqual([]);
    expect(sandbox.messages).toHaveLength(8);
    for (const request of sandbox.requests) {
      const check = request.path === ZIXFLOW_TEMPLATE_MESSAGE_PATH ? checkTemplateMessageBody : checkSessionMessageBody;
      expect(check(request.body)).toEqual([]);
    }
    const template = sandbox.requests.find((request) => request.path === ZIXFLOW_TEMPLATE_MESSAGE_PATH);
    expect(template?.body).toEqual({
      to: '13023895115',
      phoneId: PHONE_ID,
      templateName: 'order_update',
      language: 'en',
      variables: { name: 'Ada' },
    });
    expect(sandbox.requests.filter((request) => request.path === ZIXFLOW_SESSION_MESSAGE_PATH)).toHaveLength(7);
  });

  it('one outcome per message in input order; invalid messages and API failures do not stop the rest', async () => {
    // concurrency 1 makes the request order, and so which request the scripted 400 answers, certain.
    sandbox.respondNext(
      { status: 200, body: { status: true, message: 'first' } },
      { status: 400, body: { status: false, message: 'Invalid data Provided' } },
    );
    const messages = [
      ONE_OF_EACH[0],
      { type: 'video', to: '0301 2345678', video: { link: 'ftp://nope' } },
      ONE_OF_EACH[4],
      { type: 'carousel', to: '+1 302 389 5111' },
      { type: 'text', to: '+1 302 389 5111', text: { body: 'x' }, image: { link: `${LINK}/i.jpg` } },
      ONE_OF_EACH[7],
    ] as ZixflowMessage[];

    const outcomes = await service.whatsapp.sendMany(messages, { concurrency: 1 });

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false, false, false, true]);
    expect(outcomes[0]).toEqual({ ok: true, result: { status: true, message: 'first' } });
    expect(failures(outcomes)).toEqual([
      { index: 1, name: 'ZixflowValidationError' },
      { index: 2, name: 'ZixflowBadRequestError' },
      { index: 3, name: 'ZixflowValidationError' },
      { index: 4, name: 'ZixflowValidationError' },
    ]);
    const invalidVideo = outcomes[1] as { ok: false; error: ZixflowValidationError };
    expect(invalidVideo.error.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^to /), expect.stringMatching(/^video\.link /)]),
    );
    expect((outcomes[2] as { ok: false; error: ZixflowBadRequestError }).error.status).toBe(400);
    expect((outcomes[3] as { ok: false; error: ZixflowValidationError }).error.errors).toEqual([
      'type must be one of video, image, audio, document, text, location, interactive, template, sticker, contacts, reaction, list, cta_url, location_request, address_request',
    ]);
    // Invalid messages never reached the network: 3 requests for the 3 valid ones.
    expect(sandbox.requests).toHaveLength(3);
  });

  it('five hundred messages from a generator: all sent, outcomes matched to their input by position', async () => {
    function* messages(): Generator<ZixflowMessage> {
      for (let i = 0; i < 500; i += 1) {
        yield { type: 'text', to: '+1 302 389 5111', text: { body: `message ${i}` }, submissionStatus: true };
      }
    }

    const outcomes = await service.whatsapp.sendMany(messages(), { concurrency: 16 });

    expect(outcomes).toHaveLength(500);
    const bodyByMessageId = new Map(sandbox.messages.map((message) => [message.messageId, message.body]));
    outcomes.forEach((outcome, index) => {
      expect(outcome.ok).toBe(true);
      const messageId = outcome.ok ? outcome.result.messageId : undefined;
      expect(bodyByMessageId.get(messageId ?? '')).toMatchObject({ text: { body: `message ${index}` } });
    });
  });

  it('accepts an async iterable, e.g. rows streamed from a database cursor', async () => {
    async function* rows(): AsyncGenerator<ZixflowMessage> {
      for (let i = 0; i < 5; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield { type: 'text', to: '+1 302 389 5111', text: { body: `row ${i}` } };
      }
    }

    const outcomes = await service.whatsapp.sendMany(rows());

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(sandbox.requests.map((request) => (request.body as { text: { body: string } }).text.body).sort()).toEqual([
      'row 0',
      'row 1',
      'row 2',
      'row 3',
      'row 4',
    ]);
  });

  it('retries apply to each message: a 503 on one message is retried and it succeeds', async () => {
    sandbox.respondNext({ status: 503, body: { status: false, message: 'busy' } });

    const outcomes = await service.whatsapp.sendMany(ONE_OF_EACH.slice(0, 3), { concurrency: 1 });

    expect(failures(outcomes)).toEqual([]);
    expect(sandbox.requests).toHaveLength(4);
  });

  it('a message whose retries run out fails alone with its attempt count', async () => {
    sandbox.respondNext(
      ...Array.from({ length: 4 }, () => ({ status: 503, body: { status: false, message: 'busy' } })),
    );

    const outcomes = await service.whatsapp.sendMany(ONE_OF_EACH.slice(0, 2), { concurrency: 1 });

    expect(outcomes[0]).toMatchObject({ ok: false, error: expect.any(ZixflowServerError) as unknown });
    expect((outcomes[0] as { ok: false; error: ZixflowServerError }).error.attempts).toBe(4);
    expect(outcomes[1].ok).toBe(true);
  });

  it.each([0, -1, 2.5])('concurrency %p rejects with a RangeError and sends nothing', async (concurrency) => {
    await expect(service.whatsapp.sendMany(ONE_OF_EACH, { concurrency })).rejects.toThrow(RangeError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('an input that is not iterable rejects with a TypeError', async () => {
    await expect(service.whatsapp.sendMany(42 as unknown as ZixflowMessage[])).rejects.toThrow(TypeError);
  });
});

describe('reliability: sendMany keeps at most `concurrency` requests in flight', () => {
  /** Requests held that release every answer at once: one more than the concurrency under test. */
  let barrier = 1;
  let held: ServerResponse[] = [];
  let peak = 0;
  let fallback: NodeJS.Timeout | undefined;
  let server: Server;
  let service: WhatsappUnderTest;

  function answerHeld(): void {
    clearTimeout(fallback);
    for (const res of held) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"message":"ok"}');
    }
    held = [];
  }

  beforeAll(async () => {
    // A plain server, because the sandbox does not report how many requests it holds at once. It holds
    // every answer until 100 ms after the last request arrived (or until more requests than allowed
    // are in flight), so the count of requests held at once does not depend on how fast the machine is.
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      req.on('end', () => {
        held.push(res);
        peak = Math.max(peak, held.length);
        if (held.length >= barrier) {
          answerHeld();
        } else {
          clearTimeout(fallback);
          fallback = setTimeout(answerHeld, 100);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    service = await startWhatsapp({
      baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      defaultPhoneId: PHONE_ID,
    });
  });

  afterAll(async () => {
    clearTimeout(fallback);
    await service.moduleRef.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([1, 4, 12])('concurrency %d: the window is filled, never exceeded', async (concurrency) => {
    barrier = concurrency + 1; // one more than allowed: reaching it would mean the window overflowed
    peak = 0;
    const messages = Array.from({ length: concurrency * 3 }, (): ZixflowMessage => ({
      type: 'text',
      to: '+1 302 389 5111',
      text: { body: 'hi' },
    }));

    const outcomes = await service.whatsapp.sendMany(messages, { concurrency });

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(peak).toBe(concurrency);
  });
});
