import * as util from 'node:util';
import {
  ZixflowApiError,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowRateLimitError,
  ZixflowServerError,
} from '../../../core/errors/zixflow-api.error';
import { ZixflowError } from '../../../core/errors/zixflow.error';
import { ZixflowHttpAnswer, mapZixflowAnswer, readZixflowEnvelope } from './zixflow-response.mapper';

const ENDPOINT = '/api/v1/campaign/whatsapp/message/send';
const SECRET = 'secret-key-123';

function answer(status: number, data: unknown, headers: Record<string, unknown> = {}): ZixflowHttpAnswer {
  return { status, headers, data };
}

/** Runs the mapper and returns what it threw; fails the test when it resolved instead. */
function mapError(input: ZixflowHttpAnswer): ZixflowApiError {
  let result: unknown;
  try {
    result = mapZixflowAnswer(input, ENDPOINT, SECRET);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowApiError);
    return error as ZixflowApiError;
  }
  throw new Error(`expected mapZixflowAnswer to throw, it returned ${JSON.stringify(result)}`);
}

type ApiErrorClass = new (...args: never[]) => ZixflowApiError;

describe('mapZixflowAnswer', () => {
  describe('successes', () => {
    it.each<[string, unknown, Record<string, unknown>]>([
      [
        'status: true with a message only (no id keys added)',
        { status: true, message: 'Message sent successfully' },
        { status: true, message: 'Message sent successfully' },
      ],
      [
        'status: true with messageId and campaignId',
        { status: true, message: 'Message sent successfully', messageId: 'msg-1', campaignId: 'cmp-9' },
        { status: true, message: 'Message sent successfully', messageId: 'msg-1', campaignId: 'cmp-9' },
      ],
      [
        'status: true with only messageId',
        { status: true, message: 'ok', messageId: 'msg-2' },
        { status: true, message: 'ok', messageId: 'msg-2' },
      ],
      [
        'unknown extra fields are tolerated and not copied',
        { status: true, message: 'Message sent successfully', data: { x: 1 }, foo: 'bar', credits: 3 },
        { status: true, message: 'Message sent successfully' },
      ],
      ['success: true (newer API envelope)', { success: true, message: 'Done' }, { status: true, message: 'Done' }],
      ['status: true without a message gives an empty message', { status: true }, { status: true, message: '' }],
    ])('%s', (_name, data, expected) => {
      const result = mapZixflowAnswer(answer(200, data), ENDPOINT, SECRET);
      expect(result).toStrictEqual(expected);
    });

    it('accepts any 2xx status with the success envelope', () => {
      expect(mapZixflowAnswer(answer(201, { status: true, message: 'created' }), ENDPOINT, SECRET)).toStrictEqual({
        status: true,
        message: 'created',
      });
    });
  });

  describe('failures', () => {
    interface FailureCase {
      name: string;
      status: number;
      data: unknown;
      headers?: Record<string, unknown>;
      type: ApiErrorClass;
      retryable: boolean;
      zixflowMessage?: string;
    }

    const cases: FailureCase[] = [
      {
        name: '200 with status: false and "Invalid data Provided"',
        status: 200,
        data: { status: false, message: 'Invalid data Provided' },
        type: ZixflowBadRequestError,
        retryable: false,
        zixflowMessage: 'Invalid data Provided',
      },
      {
        name: '200 with status: false and "Unauthorised"',
        status: 200,
        data: { status: false, message: 'Unauthorised' },
        type: ZixflowAuthError,
        retryable: false,
        zixflowMessage: 'Unauthorised',
      },
      {
        name: '400',
        status: 400,
        data: { status: false, message: 'Bad payload' },
        type: ZixflowBadRequestError,
        retryable: false,
        zixflowMessage: 'Bad payload',
      },
      {
        name: '401',
        status: 401,
        data: { status: false, message: 'Unauthorised' },
        type: ZixflowAuthError,
        retryable: false,
        zixflowMessage: 'Unauthorised',
      },
      {
        name: '403',
        status: 403,
        data: { message: 'Forbidden' },
        type: ZixflowAuthError,
        retryable: false,
        zixflowMessage: 'Forbidden',
      },
      {
        name: '429',
        status: 429,
        data: { message: 'Too many requests' },
        headers: { 'retry-after': '2' },
        type: ZixflowRateLimitError,
        retryable: true,
        zixflowMessage: 'Too many requests',
      },
      {
        name: '500',
        status: 500,
        data: { message: 'Internal error' },
        type: ZixflowServerError,
        retryable: false,
        zixflowMessage: 'Internal error',
      },
      {
        name: '502',
        status: 502,
        data: { message: 'Bad gateway' },
        type: ZixflowServerError,
        retryable: false,
        zixflowMessage: 'Bad gateway',
      },
      {
        name: '503',
        status: 503,
        data: { message: 'Service unavailable' },
        type: ZixflowServerError,
        retryable: true,
        zixflowMessage: 'Service unavailable',
      },
      {
        name: '504',
        status: 504,
        data: { message: 'Gateway timeout' },
        type: ZixflowServerError,
        retryable: false,
        zixflowMessage: 'Gateway timeout',
      },
      {
        name: '422',
        status: 422,
        data: { message: 'Unprocessable' },
        type: ZixflowBadRequestError,
        retryable: false,
        zixflowMessage: 'Unprocessable',
      },
      {
        name: '404 (exactly ZixflowApiError)',
        status: 404,
        data: { message: 'Not found' },
        type: ZixflowApiError,
        retryable: false,
        zixflowMessage: 'Not found',
      },
    ];

    it.each(cases)('$name → $type.name (retryable $retryable)', (c) => {
      const error = mapError(answer(c.status, c.data, c.headers));
      expect(error).toBeInstanceOf(ZixflowError);
      expect(error).toBeInstanceOf(c.type);
      expect(error.constructor).toBe(c.type);
      expect(error.name).toBe(c.type.name);
      expect(error.retryable).toBe(c.retryable);
      expect(error.status).toBe(c.status);
      expect(error.endpoint).toBe(ENDPOINT);
      expect(error.zixflowMessage).toBe(c.zixflowMessage);
      expect(error.body).toStrictEqual(c.data);
      expect(error.message).toContain(String(c.status));
      expect(error.message).toContain(ENDPOINT);
      if (c.zixflowMessage !== undefined) {
        expect(error.message).toContain(c.zixflowMessage);
      }
    });

    it("carries status 200, Zixflow's message, the endpoint and the body for a 200 with status: false", () => {
      const body = { status: false, message: 'Invalid data Provided' };
      const error = mapError(answer(200, body));
      expect(error.constructor).toBe(ZixflowBadRequestError);
      expect(error).toMatchObject({ status: 200, zixflowMessage: 'Invalid data Provided', endpoint: ENDPOINT, body });
    });

    it('404 is ZixflowApiError itself, not one of its subclasses', () => {
      const error = mapError(answer(404, { message: 'Not found' }));
      expect(error.constructor === ZixflowApiError).toBe(true);
      for (const sub of [ZixflowBadRequestError, ZixflowAuthError, ZixflowRateLimitError, ZixflowServerError]) {
        expect(error).not.toBeInstanceOf(sub);
      }
    });

    // The status code decides before the message text: a 429 or 503 whose body says "Unauthorized"
    // (e.g. a gateway's page) stays a retryable rate-limit or server error, as design §3 maps them.
    it.each<[number, ApiErrorClass]>([
      [429, ZixflowRateLimitError],
      [503, ZixflowServerError],
    ])('%d with an "Unauthorized" message keeps its status-based, retryable class', (status, type) => {
      const error = mapError(answer(status, { message: 'Unauthorized' }, { 'retry-after': '1' }));
      expect(error.constructor).toBe(type);
      expect(error.retryable).toBe(true);
    });

    it('a 200 whose body is not the success envelope is a ZixflowApiError saying so', () => {
      const error = mapError(answer(200, '<html><body>Welcome</body></html>', { 'content-type': 'text/html' }));
      expect(error.constructor).toBe(ZixflowApiError);
      expect(error.retryable).toBe(false);
      expect(error.status).toBe(200);
      expect(error.zixflowMessage).toMatch(/not a Zixflow success/);
      expect(error.message).toMatch(/not a Zixflow success/);
      expect(error.body).toBe('<html><body>Welcome</body></html>');
    });

    it.each<[string, unknown]>([
      ['an empty string', ''],
      ['null', null],
      ['status: "true" as a string', { status: 'true', message: 'x' }],
      ['an array', [{ status: true }]],
    ])('a 200 with %s is not a success', (_name, data) => {
      const error = mapError(answer(200, data));
      expect(error).toBeInstanceOf(ZixflowError);
      expect(error.status).toBe(200);
    });

    it('a 502 HTML page is a ZixflowServerError with the text cut to 2000 characters', () => {
      const html = `<html><body>${'Bad Gateway '.repeat(1000)}</body></html>`;
      expect(html.length).toBeGreaterThan(2000);
      const error = mapError(answer(502, html, { 'content-type': 'text/html' }));
      expect(error.constructor).toBe(ZixflowServerError);
      expect(error.retryable).toBe(false);
      expect(typeof error.body).toBe('string');
      const body = error.body as string;
      expect(body.length).toBeLessThanOrEqual(2000);
      expect(html.startsWith(body)).toBe(true);
      expect(error.zixflowMessage).toMatch(/non-JSON/);
      expect(error.zixflowMessage).toContain('text/html');
    });

    it('a short HTML body is kept whole', () => {
      const error = mapError(answer(502, '<h1>Bad Gateway</h1>'));
      expect(error.body).toBe('<h1>Bad Gateway</h1>');
      expect(error.zixflowMessage).toMatch(/non-JSON/);
    });
  });

  describe('rate limits', () => {
    it('reads Retry-After seconds into retryAfterMs', () => {
      const error = mapError(answer(429, { message: 'slow down' }, { 'retry-after': '2' }));
      expect(error).toBeInstanceOf(ZixflowRateLimitError);
      expect((error as ZixflowRateLimitError).retryAfterMs).toBe(2000);
      expect(error.retryable).toBe(true);
    });

    it('reads a Retry-After HTTP date into milliseconds from now', () => {
      const header = new Date(Date.now() + 5000).toUTCString();
      const error = mapError(answer(429, { message: 'slow down' }, { 'retry-after': header }));
      expect(error).toBeInstanceOf(ZixflowRateLimitError);
      const retryAfterMs = (error as ZixflowRateLimitError).retryAfterMs;
      expect(typeof retryAfterMs).toBe('number');
      // toUTCString drops the milliseconds, so up to 1 s is lost; allow a little for slow runs.
      expect(retryAfterMs).toBeGreaterThanOrEqual(3000);
      expect(retryAfterMs).toBeLessThanOrEqual(5000);
      expect(error.retryable).toBe(true);
    });

    it('leaves retryAfterMs undefined without a Retry-After header', () => {
      const error = mapError(answer(429, { message: 'slow down' }));
      expect(error).toBeInstanceOf(ZixflowRateLimitError);
      expect((error as ZixflowRateLimitError).retryAfterMs).toBeUndefined();
      expect(error.retryable).toBe(true);
    });

    it('a 429 with an HTML body is still a retryable ZixflowRateLimitError', () => {
      const error = mapError(answer(429, '<html>429</html>', { 'retry-after': '1' }));
      expect(error.constructor).toBe(ZixflowRateLimitError);
      expect((error as ZixflowRateLimitError).retryAfterMs).toBe(1000);
      expect(error.retryable).toBe(true);
    });
  });

  describe('Retry-After on 5xx', () => {
    it('a 503 carries retryAfterMs from Retry-After', () => {
      const error = mapError(answer(503, { message: 'maintenance' }, { 'retry-after': '2' }));
      expect(error).toBeInstanceOf(ZixflowServerError);
      expect((error as ZixflowServerError).retryAfterMs).toBe(2000);
      expect(error.retryable).toBe(true);
    });

    it('a 500 with Retry-After carries it but stays not retryable', () => {
      const error = mapError(answer(500, { message: 'boom' }, { 'retry-after': '2' }));
      expect((error as ZixflowServerError).retryAfterMs).toBe(2000);
      expect(error.retryable).toBe(false);
    });

    it('a 503 without Retry-After leaves retryAfterMs undefined', () => {
      expect((mapError(answer(503, { message: 'maintenance' })) as ZixflowServerError).retryAfterMs).toBeUndefined();
    });
  });

  describe('attempts', () => {
    it('defaults to 1 without changing the message', () => {
      const error = mapError(answer(400, { status: false, message: 'Invalid data Provided' }));
      expect(error.attempts).toBe(1);
      expect(error.message).toBe(`Zixflow answered 400 on POST ${ENDPOINT}: Invalid data Provided`);
    });

    it('carries the attempt count given and appends it to the message', () => {
      let thrown: unknown;
      try {
        mapZixflowAnswer(answer(503, { message: 'maintenance' }), ENDPOINT, SECRET, 4);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ZixflowServerError);
      expect(thrown).toMatchObject({
        attempts: 4,
        message: `Zixflow answered 503 on POST ${ENDPOINT}: maintenance (after 4 attempts)`,
      });
      expect(JSON.parse(JSON.stringify(thrown))).toMatchObject({ attempts: 4 });
    });
  });

  describe('secret redaction', () => {
    const echoingBody = {
      status: false,
      message: `Invalid header Authorization: Bearer ${SECRET}`,
      request: {
        headers: { Authorization: `Bearer ${SECRET}`, [SECRET]: 'as a key' },
        list: ['first', `Bearer ${SECRET}`, { deep: { deeper: `x${SECRET}y` } }],
      },
    };

    function representations(error: Error): Record<string, string> {
      return {
        String: String(error),
        stack: error.stack ?? '',
        message: error.message,
        'JSON.stringify': JSON.stringify(error),
        'util.inspect': util.inspect(error, { depth: 10 }),
      };
    }

    it.each([
      ['400 with a JSON body', answer(400, echoingBody)],
      ['200 with status: false', answer(200, echoingBody)],
      ['401', answer(401, { message: `Unauthorised: Bearer ${SECRET}` })],
      ['429', answer(429, { message: `Bearer ${SECRET}` }, { 'retry-after': '1' })],
      ['503', answer(503, echoingBody)],
      ['502 text body', answer(502, `<html>Authorization: Bearer ${SECRET}</html>`)],
      ['200 non-envelope text body', answer(200, `echo Bearer ${SECRET}`)],
    ])('%s: no representation of the error contains the key', (_name, input) => {
      const error = mapError(input);
      const shown = representations(error);
      for (const [how, text] of Object.entries(shown)) {
        expect({ how, containsKey: text.includes(SECRET) }).toEqual({ how, containsKey: false });
      }
      // The redaction leaves a marker, so the key was replaced rather than the body dropped.
      expect(JSON.stringify(error.body)).toContain('[REDACTED]');
    });

    it('keeps the structure of a redacted body', () => {
      const error = mapError(answer(400, echoingBody));
      expect(error.body).toStrictEqual({
        status: false,
        message: 'Invalid header Authorization: Bearer [REDACTED]',
        request: {
          headers: { Authorization: 'Bearer [REDACTED]', '[REDACTED]': 'as a key' },
          list: ['first', 'Bearer [REDACTED]', { deep: { deeper: 'x[REDACTED]y' } }],
        },
      });
      expect(error.zixflowMessage).toBe('Invalid header Authorization: Bearer [REDACTED]');
      expect(error.constructor).toBe(ZixflowBadRequestError);
    });

    it("does not modify the caller's body object", () => {
      const body = { status: false, message: `Bearer ${SECRET}` };
      mapError(answer(400, body));
      expect(body.message).toBe(`Bearer ${SECRET}`);
    });

    it('JSON.stringify gives a useful record (name, message, status, endpoint, retryable)', () => {
      const error = mapError(answer(400, { status: false, message: 'Invalid data Provided' }));
      const record = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
      expect(record).toMatchObject({
        name: 'ZixflowBadRequestError',
        status: 400,
        endpoint: ENDPOINT,
        zixflowMessage: 'Invalid data Provided',
        retryable: false,
      });
      expect(record.message).toContain('Invalid data Provided');
    });
  });
});

describe('readZixflowEnvelope', () => {
  const VARIABLES = '/api/v1/campaign/whatsapp/variable-keys';

  it('resolves with the whole success envelope', () => {
    const envelope = { status: true, message: 'Success', data: [{ keyName: 'k' }] };
    expect(readZixflowEnvelope(answer(200, envelope), { method: 'GET', endpoint: VARIABLES }, SECRET)).toBe(envelope);
  });

  it('names the method it was given in the error, not POST', () => {
    const read = (): unknown =>
      readZixflowEnvelope(answer(500, { message: 'boom' }), { method: 'GET', endpoint: VARIABLES }, SECRET);
    expect(read).toThrow(ZixflowServerError);
    expect(read).toThrow(`Zixflow answered 500 on GET ${VARIABLES}: boom`);
  });
});
