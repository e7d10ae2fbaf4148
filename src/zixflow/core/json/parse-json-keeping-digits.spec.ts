import { parseJsonKeepingDigits, quoteUnsafeIntegers } from './parse-json-keeping-digits';

describe('parseJsonKeepingDigits', () => {
  it("keeps every digit of the AI API's post-back message_id, which JSON.parse rounds", () => {
    const text = '{"message_id":604132581490819123,"request_id":"r"}';
    expect((JSON.parse(text) as { message_id: number }).message_id).toBe(604132581490819100);
    expect(parseJsonKeepingDigits(text)).toEqual({ message_id: '604132581490819123', request_id: 'r' });
  });

  it.each<[string, unknown]>([
    ['safe integers stay numbers', '{"a":9007199254740991,"b":-42,"c":0}'],
    ['fractions and exponents stay numbers', '[1.5,6.02e23,-1E-7,123456789012345678.5]'],
    ['digits inside strings are untouched', '{"note":"id 604132581490819123","esc":"a\\\\\\"604132581490819123"}'],
  ])('%s', (_case, text) => {
    expect(quoteUnsafeIntegers(text as string)).toBe(text);
    expect(parseJsonKeepingDigits(text as string)).toEqual(JSON.parse(text as string));
  });

  it('quotes negative and nested unsafe integers, in arrays too', () => {
    expect(parseJsonKeepingDigits('{"x":[-9007199254740993,{"y":18446744073709551616}]}')).toEqual({
      x: ['-9007199254740993', { y: '18446744073709551616' }],
    });
  });

  it('leaves invalid JSON invalid (a leading zero is not made valid by quoting)', () => {
    expect(() => parseJsonKeepingDigits('{"a":0604132581490819123}')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingDigits('{"a":604132581490819123')).toThrow(SyntaxError);
  });

  it('walks a long body in one pass', () => {
    const text = `[${Array.from({ length: 50_000 }, () => '604132581490819123').join(',')}]`;
    const parsed = parseJsonKeepingDigits(text) as string[];
    expect(parsed).toHaveLength(50_000);
    expect(parsed[49_999]).toBe('604132581490819123');
  });
});
