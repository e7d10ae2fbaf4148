import * as util from 'node:util';
import {
  ZixflowBadRequestError,
  ZixflowRateLimitError,
  ZixflowServerError,
} from '../../../core/errors/zixflow-api.error';
import { mapZixflowAnswer } from './zixflow-response.mapper';
import { ENDPOINT, SECRET, answer, mapError } from './zixflow-response.mapper.spec-helper';

// What a refused answer's error carries besides its class: Retry-After, the attempt count, and a
// body with the API key redacted.

describe('mapZixflowAnswer', () => {
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
