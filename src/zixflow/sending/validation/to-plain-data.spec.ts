import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { toPlainData } from './to-plain-data';

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let level = 1; level < levels; level += 1) {
    value = { a: value };
  }
  return value;
}

describe('toPlainData', () => {
  it('copies plain objects, arrays and class instances into plain data', () => {
    class Dto {
      to = '1';
      list = [{ x: 1 }];
    }
    const input = new Dto();

    const copy = toPlainData(input).data;

    expect(copy).toStrictEqual({ to: '1', list: [{ x: 1 }] });
    expect(copy).not.toBe(input);
  });

  it('cuts circular references', () => {
    const input: Record<string, unknown> = { a: 1 };
    input.self = input;
    expect(toPlainData(input).data).toStrictEqual({ a: 1, self: '[Circular]' });
  });

  it('refuses nesting deeper than 16 levels with a ZixflowValidationError, however deep', () => {
    expect(() => toPlainData(nested(17))).not.toThrow();
    expect(() => toPlainData(nested(18))).toThrow(ZixflowValidationError);
    expect(() => toPlainData(nested(100_000))).toThrow('message is nested more than 16 levels deep');
  });

  it.each<[string, unknown]>([
    ['a Set', new Set([nested(100_000)])],
    ['a Map', new Map([['k', nested(100_000)]])],
    ['a tagged object', { [Symbol.toStringTag]: 'Thing', a: nested(100_000) }],
    ['a RegExp with own fields', Object.assign(/x/, { a: nested(100_000) })],
    ['a Date', new Date(0)],
  ])('replaces %s by an empty stand-in that is neither a plain object nor a string', (_name, value) => {
    const copy = toPlainData({ value }).data as { value: object };

    expect(copy.value).not.toBe(value);
    expect(typeof copy.value).toBe('object');
    expect(Object.getPrototypeOf(copy.value)).not.toBe(Object.prototype);
    expect(Object.keys(copy.value)).toEqual([]);
  });

  it('leaves __proto__, constructor and prototype own keys out and reports their paths', () => {
    const input = JSON.parse(
      '{"__proto__":{"a":1},"text":{"body":"Hi","constructor":"x"},"list":[{"prototype":1},{"ok":true}]}',
    ) as unknown;

    const { data, reservedKeyPaths } = toPlainData(input);

    expect(reservedKeyPaths).toEqual(['__proto__', 'text.constructor', 'list.0.prototype']);
    expect(data).toStrictEqual({ text: { body: 'Hi' }, list: [{}, { ok: true }] });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('reports no paths for a message without reserved keys', () => {
    expect(toPlainData({ text: { body: 'constructor' } }).reservedKeyPaths).toEqual([]);
  });

  it('refuses a constructor key set on an array instead of throwing a TypeError', () => {
    const list: unknown[] = [{ ok: true }];
    Object.assign(list, { constructor: 'x' });

    const { data, reservedKeyPaths } = toPlainData({ list });

    expect(reservedKeyPaths).toEqual(['list.constructor']);
    expect(data).toStrictEqual({ list: [{ ok: true }] });
  });

  it('checks an undefined, function or symbol list item as the null JSON would send', () => {
    const { data } = toPlainData({ list: [undefined, () => 1, Symbol('s'), { ok: true }] });

    expect(data).toStrictEqual({ list: [null, null, null, { ok: true }] });
  });
});
