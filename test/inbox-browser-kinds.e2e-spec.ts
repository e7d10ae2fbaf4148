import type { Browser, Locator, Page } from 'playwright-core';
import { ZixflowBotTestbed } from '../src/zixflow/testing';
import { EveryKindBot } from './bot/fixture-every-kind.bot';
import { browserAvailable, launchChromium, openWatchedPage } from './inbox-browser.helpers';

/*
 * The inbox draws every kind the AI API adds, in a real browser: a list the customer opens and
 * picks a row from (answered to the bot as a list_reply), the bot's reaction on the bubble it
 * reacts to, a CTA button as a checked link, location and address requests, a sticker and a
 * contact card. The bot runs in the testbed on the AI API against the sandbox.
 */

jest.setTimeout(30_000);

const describeInBrowser = browserAvailable() || process.env.CI === 'true' ? describe : describe.skip;

describeInBrowser('sandbox inbox in Chromium: the AI API kinds', () => {
  let testbed: ZixflowBotTestbed;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    testbed = await ZixflowBotTestbed.create({ providers: [EveryKindBot], api: 'ai' });
    ({ page, errors: pageErrors } = await openWatchedPage(browser, {
      viewport: { width: 1120, height: 1040 },
      timezoneId: 'UTC',
    }));
    await page.goto(testbed.sandbox.inboxUrl ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    await testbed?.close();
  });

  const outgoingRow = (text: string): Locator => page.locator('#messages .row.outgoing', { hasText: text });

  it('opens a list, picks a row as the customer, and shows the bot’s reaction on that pick and its CTA button', async () => {
    await testbed.chat('+91 98765 43210', 'Ada').say('menu');
    await page.locator('.conversation', { hasText: 'How can we help?' }).click();

    const list = outgoingRow('How can we help?');
    expect(await list.getAttribute('data-kind')).toBe('list');
    expect(await list.locator('.header-text').textContent()).toBe('Support');
    const menu = list.getByRole('button', { name: 'Options' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await list.locator('.list-section-title').allTextContents()).toEqual(['Orders', 'Other']);
    expect(await list.locator('.list-row-title').allTextContents()).toEqual(['Track my order', 'Talk to us']);
    await list.locator('.list-row', { hasText: 'Track my order' }).click();

    const pick = page.locator('#messages .row.incoming', { hasText: 'Track my order' });
    await pick.waitFor();
    expect(await pick.locator('.tap-label').textContent()).toBe('Picked from a list');
    await pick.locator('.reactions', { hasText: '👍' }).waitFor();

    const cta = outgoingRow('Your parcel is on its way');
    await cta.waitFor();
    const button = cta.locator('a.cta-button');
    expect(await button.textContent()).toBe('Track it');
    expect(await button.getAttribute('href')).toBe('https://shop.example.com/o/42');
    expect(await button.getAttribute('rel')).toBe('noopener noreferrer');
    // The reaction is drawn on the bubble, not as a bubble of its own.
    expect(await page.locator('#messages .row[data-kind="reaction"]').count()).toBe(0);
  });

  it('draws location and address requests, a sticker and a contact card', async () => {
    const chat = testbed.chat('+91 98765 43211', 'Bo');
    await chat.say('deliver');
    await chat.say('thanks');
    await page.locator('.conversation', { hasText: 'Contact: Support desk' }).click();

    expect(await outgoingRow('Where should we deliver?').locator('.request-button').textContent()).toBe(
      'Send location',
    );
    expect(await outgoingRow('Or type the address').locator('.request-button').textContent()).toBe('Address form (IN)');
    const sticker = page.locator('#messages .row.outgoing .media[data-media="sticker"]');
    expect(await sticker.locator('.media-link').textContent()).toBe('cdn.example.com/thanks.webp');
    const card = page.locator('#messages .contact-card');
    expect(await card.locator('.contact-name').textContent()).toBe('Support desk');
    expect(await card.locator('.contact-detail').allTextContents()).toEqual(['+91 20 1234 5678']);
  });

  it('raised no page error and no Content-Security-Policy violation', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });
});
