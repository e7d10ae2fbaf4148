import { maskPhoneNumber } from './mask-phone-number';

describe('maskPhoneNumber', () => {
  it.each([
    ['an 11-digit number', '13023895111', '1302***5111'],
    ['a typed number', '+1 (302) 389-5111', '1302***5111'],
    ['a 12-digit number', '919876543210', '9198***3210'],
    ['a 15-digit number', '123456789012345', '1234***2345'],
    ['a 10-digit number', '4930123456', '49***56'],
    ['a 7-digit number', '2901234', '29***34'],
    ['a typed 7-digit number', '+290 1234', '29***34'],
  ])('masks %s', (_label, input, expected) => {
    expect(maskPhoneNumber(input)).toBe(expected);
  });

  it.each([
    ['four digits', '1234'],
    ['one digit', '7'],
    ['an empty string', ''],
    ['letters only', 'abc'],
    ['punctuation only', '+() -'],
  ])('hides a short string entirely: %s', (_label, input) => {
    expect(maskPhoneNumber(input)).toBe('***');
  });

  it.each([['13023895111'], ['919876543210'], ['2901234'], ['4930123456']])(
    'never contains the full number %p',
    (input) => {
      const masked = maskPhoneNumber(input);

      expect(masked).not.toContain(input);
      expect(masked).toContain('***');
    },
  );
});
