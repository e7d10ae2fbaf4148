import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawRequest, type RawAnswer } from '../sandbox-fake-app.spec-helper';
import { ZixflowSandbox } from '../zixflow-sandbox';
import { INBOX_CONTENT_SECURITY_POLICY } from './inbox-http';

/*
 * The page's files as the sandbox serves them from disk. What the page does with them, and that the
 * Content-Security-Policy lets it, is the Chromium suite's job (test/inbox-browser.e2e-spec.ts).
 */

const JS = 'text/javascript; charset=utf-8';

describe('sandbox inbox page files', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

  const get = (path: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
    rawRequest(`${sandbox.url}${path}`, { headers });

  it('serves inbox.html at / with a strict Content-Security-Policy and no caching', async () => {
    const page = await get('/');

    expect(sandbox.inboxUrl).toBe(`${sandbox.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toBe(readFileSync(join(__dirname, 'page', 'inbox.html'), 'utf8'));
    expect(page.headers['content-security-policy']).toBe(INBOX_CONTENT_SECURITY_POLICY);
    expect(INBOX_CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';/,
    );
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    for (const alias of ['/inbox', '/inbox/']) expect((await get(alias)).text).toBe(page.text);
  });

  it.each([
    ['/inbox/page/inbox-base.css', 'text/css; charset=utf-8'],
    ['/inbox/page/inbox-chat.css', 'text/css; charset=utf-8'],
    ['/inbox/page/inbox-messages.css', 'text/css; charset=utf-8'],
    ['/inbox/page/inbox-accounts.css', 'text/css; charset=utf-8'],
    ['/inbox/page/icon.svg', 'image/svg+xml'],
    ['/favicon.ico', 'image/svg+xml'],
    ['/inbox/page/browser/inbox.js', JS],
    ['/inbox/page/browser/inbox-dom.js', JS],
    ['/inbox/page/browser/inbox-accounts.js', JS],
    ['/inbox/page/shared/http-href.js', JS],
  ])('serves %s as %s, with the security headers', async (path, contentType) => {
    const file = await get(path);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(contentType);
    expect(file.headers['content-security-policy']).toBe(INBOX_CONTENT_SECURITY_POLICY);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves every file inbox.html refers to', async () => {
    const html = (await get('/')).text;
    const referred = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map(([, path]) => path);
    expect(referred).toEqual(expect.arrayContaining(['/inbox/page/browser/inbox.js', '/inbox/page/inbox-base.css']));
    for (const path of referred) expect([path, (await get(path)).status]).toEqual([path, 200]);
  });

  it('serves the script as browser ES modules that import each other by their served paths', async () => {
    const script = (await get('/inbox/page/browser/inbox.js')).text;
    expect(script).toMatch(/^import \{ [^}]+ \} from '\.\.\/shared\/customer-number\.js';$/m);
    expect(script).toMatch(/^import \{ [^}]+ \} from '\.\/inbox-client\.js';$/m);
    // Type-only imports are gone, and so are the types: what is left runs in a browser as it is.
    expect(script).not.toMatch(/import type|inbox-view\.types|: InboxChat/);
  });

  it.each([
    '/inbox/page/browser/inbox.ts',
    '/inbox/page/browser/tsconfig.json',
    '/inbox/page/browser/inbox.spec.js',
    '/inbox/page/inbox.js',
    '/inbox/page/browser/nope.js',
    '/inbox/page/.hidden.css',
    '/inbox/page/%2e%2e/inbox-http.js',
    '/inbox/page/browser/%2e%2e%2f%2e%2e%2fsandbox-inbox.routes.js',
    '/inbox/page/Inbox.html',
  ])('answers 404 to %s: only the page files can be reached', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('is neither recorded as API traffic nor answered by scripted responses', async () => {
    sandbox.respondNext({ status: 503 });
    await get('/');
    await get('/inbox/page/browser/inbox.js');
    await get('/inbox/api/conversations');
    await get('/inbox/nope');

    expect(sandbox.requests).toEqual([]);
    expect((await fetch(`${sandbox.url}/api/v1/campaign/whatsapp/send`, { method: 'POST' })).status).toBe(503);
  });

  it('refuses a Host that is not the sandbox on a loopback name (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${sandbox.port}` })).status).toBe(403);
    expect((await get('/inbox/page/browser/inbox.js', { host: `evil.example:${sandbox.port}` })).status).toBe(403);
    expect((await get('/inbox/api/conversations', { host: `evil.example:${sandbox.port}` })).status).toBe(403);
    expect((await get('/', { host: `localhost:${sandbox.port}` })).status).toBe(200);
  });

  it('does not exist with inbox: false', async () => {
    const plain = await ZixflowSandbox.start({ inbox: false });
    try {
      const page = await rawRequest(`${plain.url}/`);
      expect(plain.inboxUrl).toBeUndefined();
      expect(page.status).toBe(404);
      expect(plain.requests).toHaveLength(1);
    } finally {
      await plain.stop();
    }
  });
});
