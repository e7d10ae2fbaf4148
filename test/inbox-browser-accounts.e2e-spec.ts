import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { browserAvailable, launchChromium, openWatchedPage } from './inbox-browser.helpers';
import { ALL_SECRETS, AccountsWorld, BRAND_B, startAccountsWorld } from './sandbox-accounts.fixtures';

/*
 * The inbox of one sandbox serving two accounts, in a real Chromium against a real Nest app: each
 * chat is labelled with its account in the list and in the header, the + form picks the account,
 * the same number writing to both accounts is two chats, and each reaches its own account's
 * webhook route. With a single account the page shows no labels and no picker.
 */

jest.setTimeout(30_000);

const describeInBrowser = browserAvailable() || process.env.CI === 'true' ? describe : describe.skip;
const ARTIFACTS = join(__dirname, '..', 'artifacts');

describeInBrowser('sandbox inbox in Chromium: several accounts', () => {
  let world: AccountsWorld;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let pageRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    world = await startAccountsWorld();
    ({
      page,
      errors: pageErrors,
      requests: pageRequests,
    } = await openWatchedPage(browser, { viewport: { width: 1120, height: 800 }, timezoneId: 'UTC' }));
    await page.goto(world.sandbox.inboxUrl ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const chatItem = (label: string): Locator =>
    page.locator('.conversation', { has: page.locator(`.account-label[data-account="${label}"]`) });

  /** Opens the + form, picks the account, and starts a chat as the customer. */
  async function startChat(accountLabel: string, number: string, name: string): Promise<void> {
    await page.getByRole('button', { name: 'New chat as a customer' }).click();
    const picker = page.getByLabel('Account');
    expect(await picker.evaluate((node) => node === document.activeElement)).toBe(true);
    await picker.selectOption({ label: `${accountLabel} · phoneId ${phoneIdOf(accountLabel)}` });
    await page.getByLabel('Customer number').fill(number);
    await page.getByLabel('Name (optional)').fill(name);
    await page.getByRole('button', { name: 'Start chat' }).click();
  }

  /** The locator's text once it is `expected`, or its last text after 5 s, for the assertion to show. */
  async function settledText(locator: Locator, expected: string): Promise<string | null> {
    const deadline = Date.now() + 5000;
    let text = await locator.textContent();
    while (text !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await locator.textContent();
    }
    return text;
  }

  /** How many nodes match once there are `expected`, or after 5 s. */
  async function settledCount(locator: Locator, expected: number): Promise<number> {
    const deadline = Date.now() + 5000;
    let count = await locator.count();
    while (count !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      count = await locator.count();
    }
    return count;
  }

  function phoneIdOf(label: string): string {
    return world.sandbox.zixflowAccounts.find((account) => account.label === label)?.phoneId ?? '';
  }

  async function say(text: string): Promise<void> {
    await page.getByLabel('Message as the customer').fill(text);
    await page.keyboard.press('Enter');
    await page.locator('#messages .row.incoming', { hasText: text }).last().waitFor();
  }

  it('lists both accounts and lets the + form pick one, the default first', async () => {
    expect(await settledText(page.locator('#business-number'), '2 accounts: default, brand-b')).toBe(
      '2 accounts: default, brand-b',
    );
    await page.getByRole('button', { name: 'New chat as a customer' }).click();
    const options = page.getByLabel('Account').locator('option');
    expect(await options.allTextContents()).toEqual([
      `default · phoneId ${world.sandbox.phoneId}`,
      `brand-b · phoneId ${phoneIdOf('brand-b')}`,
    ]);
    await page.getByRole('button', { name: 'New chat as a customer' }).click();
    expect(await page.locator('#app-notice').isHidden()).toBe(true);
  });

  it("labels a chat with its account in the list and the header, and delivers it to that account's route", async () => {
    await startChat('brand-b', '+1 302 389 5111', 'Ada');
    expect(await page.locator('#chat-account').textContent()).toBe('Account brand-b');
    expect(await page.locator('#chat-account .account-label').getAttribute('title')).toBe('Account brand-b');
    expect(await page.locator('#chat-account .visually-hidden').isVisible()).toBe(true);
    await say('hi');

    await page.locator('#messages .row.outgoing', { hasText: 'hello from brand-b' }).waitFor();
    expect(await settledCount(chatItem('brand-b'), 1)).toBe(1);
    expect(await chatItem('brand-b').locator('.account-label').textContent()).toBe('Account brand-b');
    expect(await chatItem('brand-b').locator('.conversation-name').textContent()).toBe('Ada');
    expect(world.messages.map(({ account }) => account)).toEqual([BRAND_B.name]);
    expect(world.sandbox.messagesOf(BRAND_B.name)).toHaveLength(1);
  });

  it('makes the same number writing to the default account a second chat, with its own label', async () => {
    await startChat('default', '+1 302 389 5111', 'Ada');
    expect(await page.locator('#chat-account').textContent()).toBe('Account default');
    expect(await page.locator('#messages .row').count()).toBe(0);
    await say('hi');

    await page.locator('#messages .row.outgoing', { hasText: 'hello from the default account' }).waitFor();
    expect(await settledCount(page.locator('.conversation'), 2)).toBe(2);
    expect(await chatItem('default').count()).toBe(1);
    expect(await chatItem('brand-b').count()).toBe(1);
    expect(world.messages.map(({ account }) => account)).toEqual([BRAND_B.name, undefined]);

    await chatItem('brand-b').click();
    expect(await page.locator('#chat-account').textContent()).toBe('Account brand-b');
    expect(await page.locator('#messages .row.incoming').count()).toBe(1);
    expect(await page.locator('#chat-title').textContent()).toBe('Ada');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'inbox-accounts.png') });
  });

  it('shows no key or workspace id, talks only to the sandbox, and broke no rule of the page', async () => {
    const shown = await page.evaluate(() => document.documentElement.outerHTML);
    for (const secret of ALL_SECRETS) expect(shown).not.toContain(secret);
    const origin = new URL(world.sandbox.url).origin;
    expect(pageRequests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows neither labels nor the account picker when the sandbox serves one account', async () => {
    const single = await ZixflowSandbox.start({ deliveryReports: false });
    const own = await page.context().newPage();
    try {
      await fetch(`${single.url}/api/v1/campaign/whatsapp/message/send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${single.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: '13023895111', phoneId: single.phoneId, type: 'text', text: { body: 'Hi' } }),
      });
      await own.goto(single.inboxUrl ?? '');
      await own.locator('.conversation').click();
      expect(await own.locator('#business-number').textContent()).toBe(`Business phoneId ${single.phoneId}`);
      expect(await own.locator('.account-label').count()).toBe(0);
      expect(await own.locator('#chat-account').isHidden()).toBe(true);
      await own.getByRole('button', { name: 'New chat as a customer' }).click();
      expect(await own.locator('#new-chat-account-field').isHidden()).toBe(true);
      expect(await own.getByLabel('Customer number').evaluate((node) => node === document.activeElement)).toBe(true);
    } finally {
      await own.close();
      await single.stop();
    }
  });
});
