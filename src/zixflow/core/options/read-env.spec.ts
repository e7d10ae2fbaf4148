import { readEnv, readEnvOption, readEnvOptions } from './read-env';
import { boolean, text, wholeNumber } from './scalar-options';

const OWNER = { name: 'TestModule', config: 'testConfig' };
const NAMES = ['TEST_OPT_TEXT', 'TEST_OPT_COUNT', 'TEST_OPT_SWITCH'] as const;

describe('readEnv / readEnvOption / readEnvOptions', () => {
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

  afterEach(() => {
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['  \n', undefined],
    [' value\n', 'value'],
  ])('readEnv(%j) → %j (trimmed; blank means unset)', (value, expected) => {
    if (value === undefined) delete process.env.TEST_OPT_TEXT;
    else process.env.TEST_OPT_TEXT = value;
    expect(readEnv('TEST_OPT_TEXT')).toBe(expected);
  });

  it('parses and checks numbers and booleans where they are read, naming the option and variable', () => {
    process.env.TEST_OPT_COUNT = ' 25 ';
    process.env.TEST_OPT_SWITCH = 'FALSE';
    expect(readEnvOption(OWNER, 'worker.count', wholeNumber({ min: 1 }).fromEnv('TEST_OPT_COUNT'))).toBe(25);
    expect(readEnvOption(OWNER, 'worker', boolean().fromEnv('TEST_OPT_SWITCH'))).toBe(false);
    process.env.TEST_OPT_SWITCH = 'no';
    expect(() => readEnvOption(OWNER, 'worker', boolean().fromEnv('TEST_OPT_SWITCH'))).toThrow(
      'TestModule: worker (TEST_OPT_SWITCH) must be true or false.',
    );
  });

  it('reads nothing for a field without a variable, or an unset one', () => {
    delete process.env.TEST_OPT_COUNT;
    expect(readEnvOption(OWNER, 'count', wholeNumber({ min: 1 }))).toBeUndefined();
    expect(readEnvOption(OWNER, 'count', wholeNumber({ min: 1 }).fromEnv('TEST_OPT_COUNT'))).toBeUndefined();
  });

  it('reads every top-level option that declares a variable, unset ones as undefined', () => {
    process.env.TEST_OPT_TEXT = ' hello ';
    delete process.env.TEST_OPT_COUNT;
    const shape = {
      name: text().fromEnv('TEST_OPT_TEXT'),
      count: wholeNumber({ min: 1 }).fromEnv('TEST_OPT_COUNT').optional(),
      other: wholeNumber({ min: 1 }).default(1),
    };
    expect(readEnvOptions(OWNER, shape)).toStrictEqual({ name: 'hello', count: undefined });
  });
});
