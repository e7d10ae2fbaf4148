import { hasUrlCredentials, isHttpUrl } from './is-http-url.decorator';

describe('isHttpUrl', () => {
  it.each([
    'https://cdn.example.com/v.mp4',
    'http://cdn.example.com',
    'https://cdn.example.com:8443/a?b=c#d',
    'https://cdn.example.com/u/@ada/file?by=ada@example.com#@',
  ])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    ['a user and password', 'https://user:pass@cdn.example.com/v.mp4'],
    ['a user', 'https://user@cdn.example.com/'],
    ['a password only', 'https://:pass@cdn.example.com/'],
    ['an empty user info', 'https://@cdn.example.com/'],
    ['credentials over http', 'http://user:pass@cdn.example.com/'],
    ['upper-case scheme with credentials', 'HTTPS://user:pass@cdn.example.com/'],
    ['another scheme', 'ftp://cdn.example.com/v.mp4'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative path', '/v.mp4'],
    ['a missing slash', 'https:/cdn.example.com'],
    ['a backslash', 'https:\\\\cdn.example.com'],
    ['whitespace', 'https://cdn.example.com/a b'],
    ['a number', 42],
  ])('refuses %s', (_name, url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

describe('hasUrlCredentials', () => {
  it.each<[string, boolean]>([
    ['https://user:pass@host/', true],
    ['https://user@host', true],
    ['https://@host', true],
    ['https://host/@user', false],
    ['https://host?x=@', false],
    ['https://host#@', false],
    ['https://host\\@x', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(hasUrlCredentials(url)).toBe(expected);
  });
});
