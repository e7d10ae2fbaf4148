import * as util from 'node:util';
import { ZixflowError } from '../../../core/errors/zixflow.error';
import {
  ZixflowNetworkError,
  ZixflowTimeoutError,
  ZixflowTlsCertificateError,
} from '../../../core/errors/zixflow-network.error';
import { mapTransportError } from './zixflow-transport-error.mapper';

const ENDPOINT = '/api/v1/campaign/whatsapp/message/send';
const SECRET = 'secret-key-123';
const HOST = 'api.zixflow.com';
const REQUEST = { method: 'POST', endpoint: ENDPOINT, host: HOST };

function systemError(code: string | undefined): Error {
  return Object.assign(new Error(`connect ${code ?? 'failed'} 127.0.0.1:443`), { code });
}

describe('mapTransportError', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    '%s (failed before the request was written) → retryable ZixflowNetworkError, requestSent false',
    (code) => {
      const error = mapTransportError(systemError(code), REQUEST, 5000);
      expect(error).toBeInstanceOf(ZixflowError);
      expect(error.constructor).toBe(ZixflowNetworkError);
      const network = error as ZixflowNetworkError;
      expect(network.retryable).toBe(true);
      expect(network.requestSent).toBe(false);
      expect(network.code).toBe(code);
      expect(network.endpoint).toBe(ENDPOINT);
      expect(network.message).toContain(code);
      expect(network.message).toContain(ENDPOINT);
      expect(network.message).toMatch(/before the request was sent/);
    },
  );

  it.each<[string, unknown, string | undefined]>([
    ['ECONNRESET', systemError('ECONNRESET'), 'ECONNRESET'],
    ['EPIPE', systemError('EPIPE'), 'EPIPE'],
    ['an unknown code (ERR_NETWORK)', systemError('ERR_NETWORK'), 'ERR_NETWORK'],
    ['an error without a code', new Error('socket hang up'), undefined],
    ['a numeric code', Object.assign(new Error('x'), { code: 42 }), undefined],
    ['a string thrown instead of an error', 'boom', undefined],
    ['undefined', undefined, undefined],
    ['null', null, undefined],
  ])('%s (may have been sent) → ZixflowNetworkError, not retryable, requestSent true', (_name, input, code) => {
    const error = mapTransportError(input, REQUEST, 5000);
    expect(error).toBeInstanceOf(ZixflowError);
    expect(error.constructor).toBe(ZixflowNetworkError);
    const network = error as ZixflowNetworkError;
    expect(network.retryable).toBe(false);
    expect(network.requestSent).toBe(true);
    expect(network.code).toBe(code);
    expect(network.endpoint).toBe(ENDPOINT);
    expect(network.message).toMatch(/after the request was sent/);
    expect(network.message).toContain(code ?? 'unknown');
  });

  it.each(['ETIMEDOUT', 'ECONNABORTED'])('%s → ZixflowTimeoutError, not retryable, with timeoutMs', (code) => {
    const error = mapTransportError(systemError(code), REQUEST, 5000);
    expect(error).toBeInstanceOf(ZixflowError);
    expect(error.constructor).toBe(ZixflowTimeoutError);
    const timeout = error as ZixflowTimeoutError;
    expect(timeout.retryable).toBe(false);
    expect(timeout.timeoutMs).toBe(5000);
    expect(timeout.endpoint).toBe(ENDPOINT);
    expect(timeout.message).toContain('5000 ms');
    expect(timeout.message).toContain(ENDPOINT);
  });

  it('uses the given timeoutMs, not a default', () => {
    const error = mapTransportError(systemError('ETIMEDOUT'), REQUEST, 1234) as ZixflowTimeoutError;
    expect(error.timeoutMs).toBe(1234);
  });

  describe('whether the request was written (axios error.request.writableFinished)', () => {
    function withRequest(code: string, writableFinished: boolean): Error {
      return Object.assign(systemError(code), { request: { writableFinished } });
    }

    it('ECONNRESET before the request was written → retryable, requestSent false', () => {
      const error = mapTransportError(withRequest('ECONNRESET', false), REQUEST, 5000) as ZixflowNetworkError;
      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: false, retryable: true });
      expect(error.message).toMatch(/before the request was sent/);
    });

    it('ECONNRESET after the request was written → not retryable, requestSent true', () => {
      const error = mapTransportError(withRequest('ECONNRESET', true), REQUEST, 5000);
      expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true, retryable: false });
    });

    it('a connect-phase code stays "not sent" whatever the request says', () => {
      const error = mapTransportError(withRequest('ECONNREFUSED', true), REQUEST, 5000);
      expect(error).toMatchObject({ requestSent: false, retryable: true });
    });

    it.each<[boolean, string]>([
      [true, 'Zixflow did not answer POST /api/v1/campaign/whatsapp/message/send within 5000 ms'],
      [false, 'POST /api/v1/campaign/whatsapp/message/send timed out after 5000 ms before the request was sent'],
    ])('a time-out with writableFinished %s → ZixflowTimeoutError saying so, never retryable', (written, message) => {
      const error = mapTransportError(withRequest('ECONNABORTED', written), REQUEST, 5000);
      expect(error).toBeInstanceOf(ZixflowTimeoutError);
      expect(error).toMatchObject({ requestSent: written, retryable: false, message });
    });
  });

  describe('attempts', () => {
    it('defaults to 1 and leaves the message alone', () => {
      const error = mapTransportError(systemError('ECONNREFUSED'), REQUEST, 5000);
      expect(error.attempts).toBe(1);
      expect(error.message).not.toMatch(/attempts/);
    });

    it.each(['ECONNREFUSED', 'ETIMEDOUT'])('%s on attempt 4 carries attempts and says so in the message', (code) => {
      const error = mapTransportError(systemError(code), REQUEST, 5000, 4);
      expect(error.attempts).toBe(4);
      expect(error.message).toMatch(/ \(after 4 attempts\)$/);
    });
  });

  describe('secret redaction', () => {
    // Shaped like an AxiosError: the config and request carry the Authorization header.
    function axiosLikeError(code: string | undefined): Error {
      return Object.assign(new Error(`Request failed: Authorization Bearer ${SECRET}`), {
        code,
        isAxiosError: true,
        config: {
          url: ENDPOINT,
          headers: { Authorization: `Bearer ${SECRET}` },
          data: JSON.stringify({ to: '13023895111', apiKey: SECRET }),
        },
        request: { _header: `POST ${ENDPOINT} HTTP/1.1\r\nAuthorization: Bearer ${SECRET}\r\n` },
        response: undefined,
        toJSON: () => ({ message: `Bearer ${SECRET}` }),
      });
    }

    it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', undefined])(
      'code %s: no representation of the mapped error contains the key',
      (code) => {
        const input = axiosLikeError(code);
        const error = mapTransportError(input, REQUEST, 5000);
        const shown: Record<string, string> = {
          String: String(error),
          stack: error.stack ?? '',
          message: error.message,
          'JSON.stringify': JSON.stringify(error),
          'util.inspect': util.inspect(error, { depth: 10, showHidden: true }),
        };
        for (const [how, text] of Object.entries(shown)) {
          expect({ how, containsKey: text.includes(SECRET) }).toEqual({ how, containsKey: false });
        }
        // The original error is not attached (as cause or otherwise).
        expect(error).not.toHaveProperty('cause');
        expect(Object.values(error)).not.toContain(input);
      },
    );
  });

  it.each<[string, unknown, string]>([
    [
      'a refused connection',
      systemError('ECONNREFUSED'),
      `Network error calling Zixflow GET ${ENDPOINT} (ECONNREFUSED)`,
    ],
    ['a reset', systemError('ECONNRESET'), `Network error calling Zixflow GET ${ENDPOINT} (ECONNRESET)`],
    ['a time-out', systemError('ETIMEDOUT'), `Zixflow did not answer GET ${ENDPOINT} within 5000 ms`],
  ])('names the method of the failed request: %s on GET', (_name, input, message) => {
    const error = mapTransportError(input, { ...REQUEST, method: 'GET' }, 5000);
    expect(error).toMatchObject({ method: 'GET' });
    expect(error.message.startsWith(message)).toBe(true);
  });

  describe('a refused server certificate', () => {
    it.each<[string, string]>([
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'the certificate is self-signed'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'the certificate chain ends in a self-signed certificate that is not trusted'],
      [
        'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        'the certificate’s issuer is not trusted here (a missing intermediate or an intercepting proxy)',
      ],
      [
        'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
        'the certificate’s issuer is not trusted here (a missing intermediate or an intercepting proxy)',
      ],
      ['CERT_HAS_EXPIRED', 'the certificate has expired'],
      ['CERT_NOT_YET_VALID', 'the certificate is not valid yet'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'the certificate is for another host'],
      ['HOSTNAME_MISMATCH', 'the certificate is for another host'],
      ['CERT_REVOKED', 'the certificate has been revoked'],
    ])('%s → ZixflowTlsCertificateError, permanent, naming the host', (code, reason) => {
      // Whatever the request says: no byte of it leaves before the handshake succeeds.
      const input = Object.assign(systemError(code), { request: { writableFinished: true } });

      const error = mapTransportError(input, REQUEST, 5000, 1);

      expect(error).toBeInstanceOf(ZixflowTlsCertificateError);
      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ code, host: HOST, requestSent: false, retryable: false, attempts: 1 });
      expect(error.message).toBe(
        `TLS certificate problem with the configured baseUrl (ZIXFLOW_BASE_URL) host ${HOST}: ${reason} (${code}). ` +
          `Not retried; POST ${ENDPOINT} was not sent`,
      );
    });

    it.each(['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER', 'constructor', 'toString'])(
      '%s is not a certificate failure',
      (code) => {
        expect(mapTransportError(systemError(code), REQUEST, 5000)).not.toBeInstanceOf(ZixflowTlsCertificateError);
      },
    );

    it('never shows the key, whatever the original error held', () => {
      const input = Object.assign(new Error(`self signed certificate; Bearer ${SECRET}`), {
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        config: { headers: { Authorization: `Bearer ${SECRET}` } },
      });

      const error = mapTransportError(input, REQUEST, 5000);

      for (const shown of [error.message, error.stack ?? '', JSON.stringify(error), util.inspect(error)]) {
        expect(shown).not.toContain(SECRET);
      }
    });
  });
});
