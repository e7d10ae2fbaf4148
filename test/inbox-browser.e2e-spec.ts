import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { SANDBOX_PHONE_ID } from '../src/sandbox-mode/start-sandbox-mode';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { browserAvailable, launchChromium, openWatchedPage } from './inbox-browser.helpers';

/*
 * The inbox in a real browser (Debian's Chromium driven by playwright-core): the example app in
 * sandbox mode, a person playing the support-bot conversation with keyboard and mouse, hostile
 * message content that must stay text, and a page that talks to nothing but the sandbox.
 */

jest.setTimeout(30_000);

const ENV_NAMES = [
  'ZIXFLOW_API_KEY',
  'ZIXFLOW_BASE_URL',
  'ZIXFLOW_PHONE_ID',
  'ZIXFLOW_TIMEOUT_MS',
  'ZIXFLOW_WEBHOOK_SECRET',
] as const;
const SECRET = 'inbox-browser-e2e-secret-0123456789';
const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
const TEMPLATE_PATH = '/api/v1/campaign/whatsapp/send';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
/** Order 1001 belongs to this customer (see OrdersService), so the bot tracks it for them. */
const US_CUSTOMER = { typed: '+1 302 389 5111', digits: '13023895111' };
const UK_CUSTOMER = { typed: '+44 20 7946 0958', digits: '442079460958' };
const XSS = '<img src=x onerror=window.__xss=1>';

const describeInBrowser = browserAvailable() || process.env.CI === 'true' ? describe : describe.skip;

describeInBrowser('sandbox inbox in Chromium, with the example app in sandbox mode', () => {
  let sandbox: ZixflowSandbox;
  let app: INestApplication;
  let appUrl: string;
  let browser: Browser;
  let page: Page;
  let pageRequests: string[] = [];
  /** Uncaught errors and console errors, e.g. a module that failed to load. */
  let pageErrors: string[] = [];
  const savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

  beforeAll(async () => {
    for (const name of ENV_NAMES) savedEnv[name] = process.env[name];
    // First, so a missing browser under CI=true fails before anything else starts.
    browser = await launchChromium();
    sandbox = await ZixflowSandbox.start({ phoneId: SANDBOX_PHONE_ID, deliveryReports: { delayMs: 20 } });
    Object.assign(process.env, {
      ZIXFLOW_API_KEY: sandbox.apiKey,
      ZIXFLOW_BASE_URL: sandbox.url,
      ZIXFLOW_PHONE_ID: SANDBOX_PHONE_ID,
      ZIXFLOW_TIMEOUT_MS: '2000',
      ZIXFLOW_WEBHOOK_SECRET: SECRET,
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ sandbox })] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    appUrl = await app.getUrl();
    ({
      page,
      errors: pageErrors,
      requests: pageRequests,
    } = await openWatchedPage(browser, {
      viewport: { width: 1120, height: 1040 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sandbox?.stop();
    for (const name of ENV_NAMES) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  /** The conversation's bubble rows, oldest first. */
  const rows = (): Locator => page.locator('#messages .row');
  const outgoingRow = (text: string): Locator => page.locator('#messages .row.outgoing', { hasText: text });

  async function sendAsTheApp(path: string, body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phoneId: SANDBOX_PHONE_ID, ...body }),
    });
    expect(response.status).toBe(200);
  }

  async function typeAsCustomer(text: string): Promise<void> {
    await page.locator('#composer-input').fill(text);
    await page.keyboard.press('Enter');
    await page.locator('#messages .row.incoming', { hasText: text }).last().waitFor();
  }

  it('serves the page with a strict Content-Security-Policy, and the app is connected once it listens', async () => {
    const response = await page.goto(sandbox.inboxUrl ?? '');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'/,
    );
    await page.evaluate(() => (window.__loadedOnce = true));
    await page.locator('#app-notice').waitFor({ state: 'hidden' });
    await page.locator('#empty-list').waitFor();
  });

  it('plays the support-bot conversation: "hi", the menu, Track order, the order number, the tracking video delivered', async () => {
    // Another customer's order ships first, so the list holds more than one conversation.
    expect((await fetch(`${appUrl}/orders/1003/ship`, { method: 'POST' })).status).toBe(202);
    await page.locator('.conversation', { hasText: 'Good news: order 1003 is on its way!' }).waitFor();
    expect((await fetch(`${appUrl}/orders/1001/ship`, { method: 'POST' })).status).toBe(202);
    // The shipping video arrives without a reload, as a new conversation in the list.
    await page.locator('.conversation', { hasText: 'Good news: order 1001 is on its way!' }).waitFor();

    await page.locator('#new-chat-toggle').click();
    await page.locator('#new-chat-number').fill(US_CUSTOMER.typed);
    await page.locator('#new-chat-name').fill('Ada');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await typeAsCustomer('hi');

    const menu = outgoingRow('Hi Ada! How can we help you today?');
    await menu.waitFor();
    expect(await menu.locator('.reply-button').allTextContents()).toEqual(['Track order', 'Talk to us']);
    await menu.getByRole('button', { name: 'Track order' }).click();
    await page.locator('#messages .row.incoming', { hasText: 'Track order' }).waitFor();
    await outgoingRow('Sure! What is your order number?').waitFor();

    await typeAsCustomer('1001');
    const video = outgoingRow('Order 1001 is on its way. Here is your tracking video.');
    await video.locator('.status[data-status="delivered"]').waitFor();

    expect(await video.getAttribute('data-kind')).toBe('media');
    expect(await video.locator('.caption').textContent()).toBe(
      'Order 1001 is on its way. Here is your tracking video.',
    );
    const link = video.locator('a.media-link');
    expect(await link.getAttribute('href')).toBe('https://cdn.example.com/tracking/1001.mp4');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The customer answered after the earlier messages, so WhatsApp would show them read.
    await outgoingRow('Hi Ada!').locator('.status[data-status="read"]').waitFor();
    expect(await rows().count()).toBe(7);
    expect(await page.evaluate(() => window.__loadedOnce)).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#composer-input').blur();
    await page.mouse.move(1100, 30);
    await page.screenshot({ path: join(ARTIFACTS, 'inbox-conversation.png') });
    // Refresh the README's picture on purpose only: UPDATE_INBOX_SCREENSHOT=1 npx jest test/inbox-browser.
    if (process.env.UPDATE_INBOX_SCREENSHOT === '1') {
      copyFileSync(join(ARTIFACTS, 'inbox-conversation.png'), join(__dirname, '..', 'docs', 'inbox-screenshot.png'));
    }
  });

  it('starts a chat with a customer who never wrote before, from the + form', async () => {
    await page.locator('#new-chat-toggle').click();
    await page.locator('#new-chat-number').fill('+49 30 1234 5678');
    await page.locator('#new-chat-name').fill('Bo');
    await page.locator('#new-chat-number').press('Enter');
    expect(await page.locator('#chat-title').textContent()).toBe('Bo');
    await page.locator('#messages .empty-chat').waitFor();

    await typeAsCustomer('menu');
    await outgoingRow('Hi Bo! How can we help you today?').waitFor();
    expect(await page.locator('.conversation[aria-current="true"] .conversation-name').textContent()).toBe('Bo');
    expect(await page.locator('#chat-subtitle').textContent()).toBe(
      '+49 30 1234 5678 · writes to phoneId 100000000000001',
    );
  });

  it('keeps hostile message content as text: nothing runs, no image loads, no javascript: link', async () => {
    const to = UK_CUSTOMER.digits;
    await sendAsTheApp(SESSION_PATH, {
      to,
      type: 'text',
      text: { body: `${XSS} *bold* javascript:alert(1) [tap](javascript:alert(1)) https://example.com/ok` },
    });
    await sendAsTheApp(SESSION_PATH, {
      to,
      type: 'video',
      video: { link: 'https://cdn.example.com/v.mp4', caption: `${XSS}<script>window.__xss=2</script>` },
    });
    await sendAsTheApp(SESSION_PATH, {
      to,
      type: 'document',
      document: { link: 'https://cdn.example.com/d.pdf', filename: `${XSS}.pdf` },
    });
    await sendAsTheApp(SESSION_PATH, {
      to,
      type: 'location',
      location: { latitude: '51.5', longitude: '-0.12', name: XSS, address: '<b>x</b>' },
    });
    await sendAsTheApp(SESSION_PATH, {
      to,
      type: 'interactive',
      interactive: {
        body: { text: `<a href="javascript:alert(1)">${XSS}</a>` },
        action: { buttons: [{ type: 'reply', reply: { id: 'x', title: '<img src=x>' } }] },
      },
    });
    await sendAsTheApp(TEMPLATE_PATH, {
      to,
      templateName: 'order_update',
      language: 'en',
      variables: { '1': 'javascript:alert(1)', '2': XSS },
    });
    await sandbox.simulateIncoming({
      from: UK_CUSTOMER.typed,
      name: XSS,
      message: { type: 'image', image: { link: 'javascript:alert(1)', caption: XSS } },
    });

    await page.locator('.conversation', { hasText: XSS }).click();
    await typeAsCustomer(XSS);
    // Six sends by the app, the image and the text from the customer, and the bot's answer to each.
    await page.waitForFunction(() => document.querySelectorAll('#messages .row').length === 10);
    await outgoingRow('Sorry, I did not get that.').nth(1).waitFor();

    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const hrefs = await page
      .locator('a')
      .evaluateAll((anchors) => anchors.map((anchor) => [anchor.getAttribute('href'), anchor.getAttribute('rel')]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [href, rel] of hrefs) {
      expect(href).toMatch(/^https?:\/\//);
      expect(rel).toBe('noopener noreferrer');
    }
    expect(hrefs.map(([href]) => href)).toContain('https://example.com/ok');
    expect(await page.locator('#messages').textContent()).toContain(
      `${XSS} bold javascript:alert(1) [tap](javascript:alert(1))`,
    );
    expect(await page.locator('.template-variables dd').allTextContents()).toEqual(['javascript:alert(1)', XSS]);
    expect(await page.locator('.reply-title').allTextContents()).toContain('<img src=x>');
    expect(await page.evaluate(() => window.__loadedOnce)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'inbox-message-kinds.png'), fullPage: true });
  });

  it('made no request to any host but the sandbox, needed no CSP exception and logged no error', async () => {
    expect(pageRequests.length).toBeGreaterThan(3);
    expect(pageRequests.filter((url) => !url.startsWith(`${sandbox.url}/`))).toEqual([]);
    // The page's script is ES modules: the entry module and every module it imports, from 'self'.
    expect(pageRequests).toEqual(
      expect.arrayContaining([
        `${sandbox.url}/inbox/page/browser/inbox.js`,
        `${sandbox.url}/inbox/page/shared/http-href.js`,
      ]),
    );
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is served under a Content-Security-Policy that blocks inline script, inline style and other hosts', async () => {
    const probe = await page.context().newPage();
    try {
      await probe.goto(sandbox.inboxUrl ?? '');
      await probe.locator('#empty-list, .conversation').first().waitFor();
      await probe.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__xss = 3';
        document.body.append(script);
        const styled = document.createElement('div');
        styled.setAttribute('style', 'color: red');
        document.body.append(styled);
        const style = document.createElement('style');
        style.textContent = 'body { color: red }';
        document.head.append(style);
        void fetch('http://192.0.2.1/').catch(() => undefined);
      });
      await probe.waitForFunction(() => (window.__cspViolations?.length ?? 0) >= 4);

      expect(await probe.evaluate(() => window.__xss)).toBeUndefined();
      expect((await probe.evaluate(() => window.__cspViolations))?.sort()).toEqual([
        'connect-src http://192.0.2.1/',
        'script-src-elem inline',
        'style-src-attr inline',
        'style-src-elem inline',
      ]);
    } finally {
      await probe.close();
    }
  });
});
