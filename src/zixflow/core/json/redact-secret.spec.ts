import { MAX_REDACTION_DEPTH, NESTED_TOO_DEEP, REDACTED, redactSecret } from './redact-secret';

const SECRET = 'secret-key-123';

describe('redactSecret', () => {
  it('uses a visible marker', () => {
    expect(REDACTED).toBe('[REDACTED]');
  });

  it.each<[string, string, string]>([
    ['the whole string', SECRET, '[REDACTED]'],
    ['inside a string', `Bearer ${SECRET}`, 'Bearer [REDACTED]'],
    ['every occurrence', `${SECRET}/${SECRET}:${SECRET}`, '[REDACTED]/[REDACTED]:[REDACTED]'],
    ['adjacent occurrences', `${SECRET}${SECRET}`, '[REDACTED][REDACTED]'],
    ['no occurrence', 'nothing to hide', 'nothing to hide'],
    ['a different-case key is left alone (exact match only)', SECRET.toUpperCase(), SECRET.toUpperCase()],
    ['empty string', '', ''],
  ])('strings: %s', (_name, input, expected) => {
    expect(redactSecret(input, SECRET)).toBe(expected);
  });

  it('treats regex metacharacters in the secret literally', () => {
    const secret = 'a.b*c+(d)$';
    expect(redactSecret(`x ${secret} aXbbbc+(d)$`, secret)).toBe('x [REDACTED] aXbbbc+(d)$');
  });

  it('redacts nested objects and arrays', () => {
    const input = {
      message: `Bearer ${SECRET}`,
      nested: { headers: { Authorization: `Bearer ${SECRET}` }, deeper: { list: [`a${SECRET}`, 'b'] } },
      list: [SECRET, { inner: [[`x${SECRET}`]] }],
    };
    expect(redactSecret(input, SECRET)).toStrictEqual({
      message: 'Bearer [REDACTED]',
      nested: { headers: { Authorization: 'Bearer [REDACTED]' }, deeper: { list: ['a[REDACTED]', 'b'] } },
      list: ['[REDACTED]', { inner: [['x[REDACTED]']] }],
    });
  });

  it('redacts a top-level array', () => {
    expect(redactSecret([SECRET, 1, { k: SECRET }], SECRET)).toStrictEqual(['[REDACTED]', 1, { k: '[REDACTED]' }]);
  });

  it('redacts object keys that contain the secret', () => {
    const input = { [SECRET]: 'value', [`key-${SECRET}`]: { [SECRET]: SECRET } };
    const output = redactSecret(input, SECRET);
    expect(output).toStrictEqual({ '[REDACTED]': 'value', 'key-[REDACTED]': { '[REDACTED]': '[REDACTED]' } });
    expect(JSON.stringify(output)).not.toContain(SECRET);
  });

  it('leaves non-string leaves untouched', () => {
    const input = { n: 123, f: 1.5, zero: 0, t: true, no: false, nil: null, undef: undefined, arr: [1, null, false] };
    expect(redactSecret(input, SECRET)).toStrictEqual(input);
  });

  it.each<[string, unknown]>([
    ['number', 42],
    ['boolean', true],
    ['null', null],
    ['undefined', undefined],
  ])('returns a %s as is', (_name, value) => {
    expect(redactSecret(value, SECRET)).toBe(value);
  });

  it('does not modify its input', () => {
    const input = { message: `Bearer ${SECRET}`, list: [SECRET] };
    const output = redactSecret(input, SECRET);
    expect(input).toStrictEqual({ message: `Bearer ${SECRET}`, list: [SECRET] });
    expect(output).not.toBe(input);
    expect(output.list).not.toBe(input.list);
  });

  it('returns the value unchanged (same reference) when the secret is empty', () => {
    const input = { message: 'Bearer abc', list: ['abc'] };
    expect(redactSecret(input, '')).toBe(input);
    expect(redactSecret('anything', '')).toBe('anything');
    expect(input).toStrictEqual({ message: 'Bearer abc', list: ['abc'] });
  });
});

describe('redactSecret on hostile nesting', () => {
  function nested(levels: number, leaf: unknown): unknown {
    let value = leaf;
    for (let level = 0; level < levels; level += 1) {
      value = { a: [value] };
    }
    return value;
  }

  // Each level of `nested` is an object holding an array: two levels of nesting.
  const LEVELS = MAX_REDACTION_DEPTH / 2;

  it('copies up to MAX_REDACTION_DEPTH levels and redacts there', () => {
    expect(MAX_REDACTION_DEPTH).toBe(32);
    expect(redactSecret(nested(LEVELS, SECRET), SECRET)).toStrictEqual(nested(LEVELS, REDACTED));
  });

  it('replaces what is nested deeper by a marker', () => {
    expect(redactSecret(nested(LEVELS, { deeper: SECRET }), SECRET)).toStrictEqual(nested(LEVELS, NESTED_TOO_DEEP));
  });

  it('returns a bounded, serialisable copy of 100 000 levels instead of overflowing the stack', () => {
    const hostile: unknown = JSON.parse('{"a":'.repeat(100_000) + `"${SECRET}"` + '}'.repeat(100_000));

    const output = redactSecret(hostile, SECRET);

    const json = JSON.stringify(output);
    expect(json).toBe('{"a":'.repeat(MAX_REDACTION_DEPTH) + `"${NESTED_TOO_DEEP}"` + '}'.repeat(MAX_REDACTION_DEPTH));
  });
});

describe('redactSecret with several secrets', () => {
  it('removes each of them, keys included, the longest first', () => {
    const workspace = 'ws-69614209';
    const body = { message: `Unauthorized key ${SECRET} for workspace ${workspace}`, [workspace]: `${SECRET}-x` };
    expect(redactSecret(body, [workspace, SECRET, ''])).toEqual({
      message: 'Unauthorized key [REDACTED] for workspace [REDACTED]',
      '[REDACTED]': '[REDACTED]-x',
    });
    expect(redactSecret('abc-abcdef', ['abc', 'abcdef'])).toBe('[REDACTED]-[REDACTED]');
  });

  it('leaves the value alone when every secret is empty', () => {
    const value = { a: 'b' };
    expect(redactSecret(value, ['', ''])).toBe(value);
  });
});
