import { OptionSite } from './option-site';
import { secret, text, wholeNumber } from './scalar-options';

const OWNER = { name: 'TestModule', config: 'testConfig' };
const site = (path: string, env?: string): OptionSite => ({ owner: OWNER, path, env });

describe('OptionField', () => {
  it('is required unless it is optional or has a default', () => {
    const count = wholeNumber({ min: 1 });
    expect(() => count.resolve(undefined, site('group.count'))).toThrow('TestModule: group.count is missing.');
    expect(count.optional().resolve(undefined, site('group.count'))).toBeUndefined();
    expect(count.default(7).resolve(undefined, site('group.count'))).toBe(7);
    expect(count.isRequired).toBe(true);
    expect(count.default(7).isRequired).toBe(false);
  });

  // The usual cause is a variable missing from .env, so the message says both ways to give the option.
  it('says how to give a missing option that an environment variable feeds', () => {
    const key = secret().fromEnv('TEST_API_KEY').required('find it under Settings');
    for (const value of [undefined, '', '  \n']) {
      expect(() => key.resolve(value, site('apiKey', 'TEST_API_KEY'))).toThrow(
        'TestModule: apiKey is missing or empty. Set the TEST_API_KEY environment variable (read by testConfig) ' +
          'or pass apiKey to TestModule.forRoot(); find it under Settings.',
      );
    }
    expect(key.envName).toBe('TEST_API_KEY');
  });

  it('counts "" as left out only when asked to, and never "   "', () => {
    const name = text().emptyIsUnset().default('fallback');
    expect(name.resolve('', site('name'))).toBe('fallback');
    expect(() => name.resolve('   ', site('name'))).toThrow('TestModule: name must be a non-empty string.');
    expect(() => text().optional().resolve('', site('name'))).toThrow('must be a non-empty string');
  });

  it('does not change the field it refines', () => {
    const base = wholeNumber({ min: 0 });
    base.default(3).fromEnv('TEST_COUNT');
    expect(base.envName).toBeUndefined();
    expect(base.isRequired).toBe(true);
  });

  it('reads environment text: numbers parsed and checked, text passed on', () => {
    const timeout = wholeNumber({ min: 1 }).fromEnv('TEST_TIMEOUT_MS');
    expect(timeout.fromEnvText('2500', site('timeoutMs', 'TEST_TIMEOUT_MS'))).toBe(2500);
    for (const raw of ['0', '10s', '1e4', '-5', '1.5']) {
      expect(() => timeout.fromEnvText(raw, site('timeoutMs', 'TEST_TIMEOUT_MS'))).toThrow(
        'TestModule: timeoutMs (TEST_TIMEOUT_MS) must be a whole number ≥ 1.',
      );
    }
    expect(text().fromEnvText('not checked here', site('name'))).toBe('not checked here');
  });
});
