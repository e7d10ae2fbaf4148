import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ZixflowNetworkError, ZixflowRetryEvent, ZixflowTlsCertificateError } from '../src/zixflow';
import { API_KEY, FAST_RETRY, PHONE_ID, VIDEO, caught, pause, startWhatsapp } from './reliability.helpers';

// openssl and real TLS handshakes; a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(20_000);

const SEND_PATH = '/api/v1/campaign/whatsapp/message/send';
const VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';

/** A throw-away self-signed certificate for 127.0.0.1, made with openssl for this run only. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'zixflow-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2'],
        ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('reliability: a TLS certificate failure is permanent', () => {
  let server: Server;
  let baseUrl: string;
  let host: string;
  let connections = 0;
  let answered = 0;

  beforeAll(async () => {
    server = createServer(selfSignedCertificate(), (_req, res) => {
      answered += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"message":"ok"}');
    });
    server.on('connection', () => {
      connections += 1;
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    baseUrl = `https://${host}`;
  });

  beforeEach(() => {
    connections = 0;
    answered = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ['the default retry settings', {}],
    ['retryOnTimeout, which repeats connections lost after sending', { retryOnTimeout: true }],
  ])('a send is tried once and not retried, with %s', async (_name, retry) => {
    const retries: ZixflowRetryEvent[] = [];
    const service = await startWhatsapp({
      baseUrl,
      retry: { ...FAST_RETRY, ...retry, onRetry: (event) => retries.push(event) },
    });
    try {
      const error = await caught(service.whatsapp.sendVideo(VIDEO));
      await pause(100);

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toBeInstanceOf(ZixflowTlsCertificateError);
      expect(error.name).toBe('ZixflowTlsCertificateError');
      expect(error).toMatchObject({
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        host,
        method: 'POST',
        endpoint: SEND_PATH,
        requestSent: false,
        retryable: false,
        attempts: 1,
      });
      expect(error.message).toBe(
        `TLS certificate problem with the configured baseUrl (ZIXFLOW_BASE_URL) host ${host}: ` +
          `the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT). Not retried; POST ${SEND_PATH} was not sent`,
      );
      expect(retries).toEqual([]);
      expect(connections).toBe(1);
      expect(answered).toBe(0);
      for (const shown of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error)]) {
        expect(shown).not.toContain(API_KEY);
      }
      expect(service.logger.at('error', /TLS certificate problem/)).toHaveLength(1);
    } finally {
      await service.moduleRef.close();
    }
  });

  it('the template-variables read fails the same way, naming GET', async () => {
    const service = await startWhatsapp({ baseUrl, defaultPhoneId: PHONE_ID });
    try {
      const error = await caught(service.whatsapp.getTemplateVariables({ templateName: 't', language: 'en' }));

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ name: 'ZixflowTlsCertificateError', method: 'GET', retryable: false, attempts: 1 });
      expect(error.message).toContain(`Not retried; GET ${VARIABLES_PATH} was not sent`);
      expect(connections).toBe(1);
    } finally {
      await service.moduleRef.close();
    }
  });

  it('sendMany reports it for every message without retrying any', async () => {
    const service = await startWhatsapp({ baseUrl, defaultPhoneId: PHONE_ID, retry: FAST_RETRY });
    try {
      const outcomes = await service.whatsapp.sendMany([
        { type: 'text', to: '+1 302 389 5111', text: { body: 'a' } },
        { type: 'text', to: '+1 302 389 5112', text: { body: 'b' } },
      ]);

      expect(
        outcomes.map((outcome) => (outcome.ok ? 'ok' : `${outcome.error.name} ${outcome.error.attempts}`)),
      ).toEqual(['ZixflowTlsCertificateError 1', 'ZixflowTlsCertificateError 1']);
      expect(connections).toBe(2);
    } finally {
      await service.moduleRef.close();
    }
  });
});
