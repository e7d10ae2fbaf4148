import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, sandboxless (containers have no user namespaces) and quiet: no first-run pages, no
 * background, update or sync traffic, so every request the browser makes comes from the page.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser suite can run; when it cannot, says so once, loudly, unless CI must fail instead. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI !== 'true') {
    process.stderr.write(
      `\n*** SKIPPED the inbox browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH) ***\n\n`,
    );
  }
  return false;
}

/**
 * Launches Chromium. Playwright's `launch` gives every run a fresh temporary profile
 * (user-data-dir) and deletes it on close, so no state leaks between runs.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    return Promise.reject(new Error(`No Chromium at ${CHROMIUM_PATH}: CI=true requires it (apt-get install chromium)`));
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    __xss?: unknown;
    __loadedOnce?: boolean;
    /** Every Content-Security-Policy violation on the page, as `<directive> <blocked>`. */
    __cspViolations?: string[];
  }
}

/**
 * Runs in every page before its own script (injected by the browser, so the CSP does not apply to
 * it): records what the Content-Security-Policy blocked. The page must never need an exception.
 */
export function recordCspViolations(): void {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
}

/** A page with what it did recorded: uncaught and console errors, and the URL of every request. */
export interface WatchedPage {
  page: Page;
  /** Uncaught errors and console errors, e.g. a module that failed to load. */
  errors: string[];
  requests: string[];
}

/**
 * Opens a page in a new context of `browser`, as every inbox suite does: CSP violations recorded
 * ({@link recordCspViolations}), a 5 s default timeout, and its errors and requests collected.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const watched: WatchedPage = { page, errors: [], requests: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  return watched;
}
