import { ZixflowConfigurationError } from '../errors/zixflow-configuration.error';
import { OptionField } from './option-field';
import { OptionSite } from './option-site';
import { boolean, decimal, durationMs, fn, oneOf, secret, text, wholeNumber } from './scalar-options';
import { httpUrl } from './url-option';

const OWNER = { name: 'TestModule', config: 'testConfig' };
const AT: OptionSite = { owner: OWNER, path: 'group.value' };
const FROM_ENV: OptionSite = { owner: OWNER, path: 'timeoutMs', env: 'TEST_TIMEOUT_MS' };

/** The message `field` refuses `value` with at `site`; fails when it accepts it. */
function refusal(field: OptionField<unknown, unknown>, value: unknown, site: OptionSite = AT): string {
  try {
    field.resolve(value, site);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('option checkers', () => {
  describe('wholeNumber / durationMs', () => {
    it.each([0, 1, 2_147_483_647, Number.MAX_SAFE_INTEGER])('wholeNumber({ min: 0 }) keeps %d', (value) => {
      expect(wholeNumber({ min: 0 }).resolve(value, AT)).toBe(value);
    });

    it.each<unknown>([-1, 1.5, Number.NaN, Infinity, 2 ** 53, '3', null, true])('refuses %p', (value) => {
      expect(refusal(wholeNumber({ min: 0 }), value)).toBe('TestModule: group.value must be a whole number ≥ 0.');
    });

    it('names the bounds and the environment variable', () => {
      expect(refusal(durationMs(1), 0, FROM_ENV)).toBe(
        'TestModule: timeoutMs (TEST_TIMEOUT_MS) must be a whole number ≥ 1 and ≤ 2147483647.',
      );
    });

    // Node turns a longer timer into 1 ms, which would time out every request at once.
    it('stops durations at the Node timer maximum', () => {
      expect(durationMs(0).resolve(2_147_483_647, AT)).toBe(2_147_483_647);
      expect(refusal(durationMs(0), 2_147_483_648)).toContain('≤ 2147483647');
    });
  });

  describe('decimal', () => {
    it('keeps fractions within the bounds and refuses the rest', () => {
      expect(decimal({ above: 0, max: 1000 }).resolve(0.5, AT)).toBe(0.5);
      for (const value of [0, -1, 1000.5, Infinity, '80']) {
        expect(refusal(decimal({ above: 0, max: 1000 }), value)).toBe(
          'TestModule: group.value must be a number > 0 and ≤ 1000.',
        );
      }
    });
  });

  describe('boolean, oneOf, fn', () => {
    it.each<unknown>(['yes', 'true', 1, null])('boolean refuses %p', (value) => {
      expect(refusal(boolean(), value)).toBe('TestModule: group.value must be true or false.');
    });

    it('oneOf keeps a listed value and names the list', () => {
      expect(oneOf(['campaign', 'ai']).resolve('ai', AT)).toBe('ai');
      expect(refusal(oneOf(['campaign', 'ai']), 'AI')).toBe("TestModule: group.value must be one of 'campaign', 'ai'.");
    });

    it('fn keeps a function and refuses anything else', () => {
      const hook = (): void => undefined;
      expect(fn().resolve(hook, AT)).toBe(hook);
      expect(refusal(fn(), 'log')).toBe('TestModule: group.value must be a function.');
    });
  });

  describe('text', () => {
    it('keeps text as given and refuses blank text or other types', () => {
      expect(text().resolve(' a b ', AT)).toBe(' a b ');
      expect(refusal(text().optional(), '   ')).toBe('TestModule: group.value must be a non-empty string.');
      expect(refusal(text(), 42)).toBe('TestModule: group.value must be a non-empty string.');
    });

    // Blank text where an option is required is the "forgot to set it" mistake, so it reads as such.
    it('reads blank text as missing when the option is required', () => {
      expect(refusal(text(), '   ')).toBe('TestModule: group.value is missing or empty.');
    });

    it('words a rule of its own', () => {
      const path = text({ test: (value) => value.startsWith('/'), rule: 'must be a path starting with "/"' });
      expect(refusal(path, 'keys')).toBe('TestModule: group.value must be a path starting with "/".');
    });
  });

  describe('secret', () => {
    const KEY = 'sk_live_Zq81xT0pVw';

    it.each([`${KEY}\n`, ` ${KEY}`, `${KEY.slice(0, 6)} ${KEY.slice(6)}`, `${KEY}\u0000`])(
      'refuses whitespace and control characters without showing the value (%j)',
      (value) => {
        const message = refusal(secret(), value, { owner: OWNER, path: 'apiKey', env: 'TEST_API_KEY' });
        expect(message).toBe(
          'TestModule: apiKey contains whitespace or control characters; check TEST_API_KEY for a stray space or newline.',
        );
      },
    );

    it('words its own rule and never shows the value', () => {
      const long = secret({ test: (value) => value.length >= 16, rule: 'must be 16 characters or more' });
      const message = refusal(long, 'short-secret', { owner: OWNER, path: 'secret', env: 'TEST_SECRET' });
      expect(message).toBe('TestModule: secret (TEST_SECRET) must be 16 characters or more.');
      expect(message).not.toContain('short');
    });
  });

  describe('httpUrl', () => {
    const base = httpUrl({ example: 'https://api.example.com' });

    it('keeps http and https URLs without trailing slashes', () => {
      expect(base.resolve('https://api.example.com/v1//', AT)).toBe('https://api.example.com/v1');
      expect(base.resolve('http://127.0.0.1:3000', AT)).toBe('http://127.0.0.1:3000');
    });

    it.each(['ftp://x', 'api.example.com', '/api', 'javascript:alert(1)', 'https://x/?a=1', 'https://x/#top'])(
      'refuses %s',
      (value) => {
        expect(refusal(base, value)).toBe(
          'TestModule: group.value must be an http or https URL without credentials, query or fragment, e.g. https://api.example.com.',
        );
      },
    );

    it('refuses credentials without showing them', () => {
      const message = refusal(base, 'https://ada:hunter2@api.example.com');
      expect(message).not.toMatch(/ada|hunter2/);
    });

    it('accepts a query and fragment only when asked to', () => {
      const lenient = httpUrl({ example: 'https://x', allowQueryAndFragment: true });
      expect(lenient.resolve('https://x/?a=1', AT)).toBe('https://x/?a=1');
      expect(refusal(lenient, 'ftp://x')).toBe(
        'TestModule: group.value must be an http or https URL without credentials, e.g. https://x.',
      );
    });
  });
});
