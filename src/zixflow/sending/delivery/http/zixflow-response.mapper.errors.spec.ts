import {
  ZixflowApiError,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowRateLimitError,
  ZixflowServerError,
} from '../../../core/errors/zixflow-api.error';
import { ZixflowError } from '../../../core/errors/zixflow.error';
import { ENDPOINT, answer, mapError } from './zixflow-response.mapper.spec-helper';

type ApiErrorClass = new (...args: never[]) => ZixflowApiError;

describe('mapZixflowAnswer', () => {
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
});
