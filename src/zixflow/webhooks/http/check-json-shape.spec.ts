import fc from 'fast-check';
import { checkJsonShape } from './check-json-shape';

const nestedArrays = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('checkJsonShape', () => {
  describe('depth', () => {
    it.each<[string, unknown, 'ok' | 'too-deep']>([
      ['a scalar', 'hello', 'ok'],
      ['an empty object (level 1)', {}, 'ok'],
      ['three objects', { a: { b: { c: 1 } } }, 'ok'],
      ['four objects', { a: { b: { c: { d: 1 } } } }, 'too-deep'],
      ['arrays count like objects', [[[1]]], 'ok'],
      ['an object in arrays in an object', { a: [[{}]] }, 'too-deep'],
      ['a deep branch beside shallow ones', { a: 1, b: { c: 2 }, d: [[[[]]]] }, 'too-deep'],
      ['wide but shallow', { a: [1, 2, 3], b: { c: 'x', d: [true, null] } }, 'ok'],
    ])('%s with maxDepth 3: %s', (_case, value, verdict) => {
      expect(checkJsonShape(value, { maxDepth: 3 })).toBe(verdict);
    });

    it('walks a million levels without running out of stack', () => {
      const deep = nestedArrays(1_000_000);
      expect(() => JSON.stringify(deep)).toThrow(RangeError);
      expect(checkJsonShape(deep, { maxDepth: 64 })).toBe('too-deep');
      expect(checkJsonShape(deep, { maxDepth: 64, maxBytes: 10_000_000 })).toBe('too-deep');
    });

    it('stops on a cyclic value instead of looping', () => {
      const cyclic: Record<string, unknown> = { name: 'loop' };
      cyclic.self = cyclic;
      expect(checkJsonShape(cyclic, { maxDepth: 64 })).toBe('too-deep');
      expect(checkJsonShape(cyclic, { maxDepth: 64, maxBytes: 1000 })).toBe('too-large');
    });
  });

  describe('size', () => {
    it('counts the compact encoding exactly when nothing needs escaping', () => {
      const value = { eventId: 'e-1', sender: { number: '13023895111' }, list: [1, true, false, null, 'é'] };
      expect(checkJsonShape(value, { maxDepth: 64, maxBytes: bytesOf(value) })).toBe('ok');
      expect(checkJsonShape(value, { maxDepth: 64, maxBytes: bytesOf(value) - 1 })).toBe('too-large');
    });

    it('never counts more than the compact encoding', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(checkJsonShape(value, { maxDepth: Infinity, maxBytes: bytesOf(value) })).toBe('ok');
        }),
      );
    });

    it('answers too-large before too-deep, as raw bytes are checked before their shape', () => {
      const deepAndLarge = { padding: 'x'.repeat(500), deep: nestedArrays(100) };
      expect(checkJsonShape(deepAndLarge, { maxDepth: 64, maxBytes: 400 })).toBe('too-large');
      expect(checkJsonShape(deepAndLarge, { maxDepth: 64, maxBytes: 4000 })).toBe('too-deep');
    });

    /** An array that counts how many of its members the walk reads. */
    function counted(items: unknown[]): { array: unknown[]; reads: () => number } {
      let reads = 0;
      const array = new Proxy(items, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { array, reads: () => reads };
    }

    it('refuses a huge value without reading its members', () => {
      const huge = counted(Array.from({ length: 1_000_000 }, (_, index) => ({ index })));
      expect(checkJsonShape(huge.array, { maxDepth: 64, maxBytes: 1000 })).toBe('too-large');
      expect(huge.reads()).toBe(0);
    });
  });
});
