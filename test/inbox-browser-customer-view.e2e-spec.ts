import { Injectable } from '@nestjs/common';
import type { Browser, Locator, Page } from 'playwright-core';
import { Ctx, Hears, ZixflowBot, ZixflowBotContext } from '../src/zixflow/bot';
import { ZixflowBotTestbed } from '../src/zixflow/testing';
import { EveryKindBot } from './bot/fixture-every-kind.bot';
import { browserAvailable, launchChromium, openWatchedPage } from './inbox-browser.helpers';

/*
 * The inbox as the customer's phone (issue 15, item 10): the customer's own bubbles on the right
 * in WhatsApp's outgoing green, the bot's on the left in white; a page that fits a 320-360 px
 * phone; a form error next to its field; a chat without a profile name named by its number; and
 * a tapped button or picked row shown by the title the customer saw, not its id.
 */

jest.setTimeout(30_000);

const describeInBrowser = browserAvailable() || process.env.CI === 'true' ? describe : describe.skip;

/** Answers "buttons" with two reply buttons. */
@ZixflowBot()
@Injectable()
class ButtonsBot {
  @Hears('buttons')
  buttons(@Ctx() ctx: ZixflowBotContext): void {
    ctx.replyButtons('Pick one', [
      { id: 'track', title: 'Track order' },
      { id: 'human', title: 'Talk to us' },
    ]);
  }
}

/** WhatsApp's outgoing green and incoming white, as the page's stylesheet gives them. */
const GREEN = 'rgb(217, 253, 211)';
const WHITE = 'rgb(255, 255, 255)';

describeInBrowser('sandbox inbox in Chromium: the customer’s phone', () => {
  let testbed: ZixflowBotTestbed;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    testbed = await ZixflowBotTestbed.create({ providers: [ButtonsBot, EveryKindBot], api: 'ai' });
    ({ page, errors: pageErrors } = await openWatchedPage(browser, {
      viewport: { width: 1120, height: 900 },
      timezoneId: 'UTC',
    }));
    await page.goto(testbed.sandbox.inboxUrl ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    await testbed?.close();
  });

  const customerRow = (text: string): Locator => page.locator('#messages .row.incoming', { hasText: text });
  const botRow = (text: string): Locator => page.locator('#messages .row.outgoing', { hasText: text });

  /** Where a bubble sits in the message pane, and its colour. */
  async function placeOf(row: Locator): Promise<{ left: number; right: number; background: string }> {
    return row.locator('.bubble').evaluate((bubble) => {
      const pane = document.getElementById('messages')?.getBoundingClientRect();
      const box = bubble.getBoundingClientRect();
      return {
        left: box.left - (pane?.left ?? 0),
        right: (pane?.right ?? 0) - box.right,
        background: getComputedStyle(bubble).backgroundColor,
      };
    });
  }

  it('draws the customer’s bubbles on the right in green and the bot’s on the left in white', async () => {
    await testbed.chat('+1 302 389 5111', 'Ada').say('buttons');
    await page.locator('.conversation', { hasText: 'Pick one' }).click();
    const mine = await placeOf(customerRow('buttons'));
    const theirs = await placeOf(botRow('Pick one'));
    expect(mine.background).toBe(GREEN);
    expect(theirs.background).toBe(WHITE);
    expect(mine.right).toBeLessThan(mine.left);
    expect(theirs.left).toBeLessThan(theirs.right);
  });

  it('shows a tapped button and a picked row by the title the customer saw, not the id', async () => {
    const chat = testbed.chat('+1 302 389 5112', 'Bo');
    await chat.say('buttons');
    await chat.tap('track');
    await chat.say('menu');
    await chat.pick('human');
    await page.locator('.conversation', { hasText: 'Bo' }).click();
    expect(await page.locator('#messages .tap-title').allTextContents()).toEqual(['Track order', 'Talk to us']);
    expect(await page.locator('.conversation[aria-current="true"] .conversation-preview').textContent()).toBe(
      'Talk to us',
    );
  });

  it('names a chat without a profile name by its formatted number, not the sandbox placeholder', async () => {
    await testbed.sandbox.simulateIncoming({ from: '13023895113', text: 'no name here' });
    const item = page.locator('.conversation', { hasText: 'no name here' });
    expect(await item.locator('.conversation-name').textContent()).toBe('+1 302 389 5113');
    await item.click();
    expect(await page.locator('#chat-title').textContent()).toBe('+1 302 389 5113');
    expect(await page.locator('body').textContent()).not.toContain('Sandbox Customer');
  });

  it('shows the + form’s error next to the number field, described by it', async () => {
    await page.locator('#new-chat-toggle').click();
    await page.locator('#new-chat-number').fill('12');
    await page.getByRole('button', { name: 'Start chat' }).click();
    const field = page.locator('#new-chat-number');
    const errorId = await field.getAttribute('aria-describedby');
    expect(errorId).toBeTruthy();
    const error = page.locator(`#${errorId ?? ''}`);
    expect(await error.textContent()).toContain('country code');
    expect(await error.isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const [fieldBox, errorBox] = [await field.boundingBox(), await error.boundingBox()];
    expect(Math.abs((errorBox?.y ?? 1e4) - ((fieldBox?.y ?? 0) + (fieldBox?.height ?? 0)))).toBeLessThan(40);
    await field.fill('+1 302 389 5114');
    await page.getByRole('button', { name: 'Start chat' }).click();
    expect(await error.isVisible()).toBe(false);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
  });

  it.each([320, 360, 412])('fits a %i px wide phone: no sideways scroll, the + button on screen', async (width) => {
    if (width === 320) {
      const chat = testbed.chat('+91 98765 43210', 'Cy');
      for (const text of ['menu', 'deliver', 'thanks']) await chat.say(text);
      // One long unbroken word: without minmax(0, 1fr) it widened the page to 645 px (checked red before the fix).
      await chat.say(`https://example.com/${'averyveryverylongpathsegment'.repeat(6)}`);
    }
    await page.setViewportSize({ width, height: 740 });
    await page.locator('.conversation', { hasText: 'Cy' }).click();
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.inner);
    const plus = page.locator('#new-chat-toggle');
    const box = await plus.boundingBox();
    expect((box?.x ?? 1e4) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    if (width !== 360) return;
    await plus.click();
    await page.locator('#new-chat').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await plus.click();
    await page.locator('#new-chat').waitFor({ state: 'hidden' });
  });

  it('raised no page error and no Content-Security-Policy violation', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });
});
