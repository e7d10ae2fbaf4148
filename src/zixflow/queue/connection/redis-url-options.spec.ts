import { redisOptionsFromUrl } from './redis-url-options';

describe('redisOptionsFromUrl', () => {
  it.each([
    ['redis://127.0.0.1', { host: '127.0.0.1', port: 6379 }],
    ['redis://redis:6380/2', { host: 'redis', port: 6380, db: 2 }],
    ['redis://:p%40ss@redis:6379', { host: 'redis', port: 6379, password: 'p@ss' }],
    ['redis://app:s3cret@redis:6379/0', { host: 'redis', port: 6379, username: 'app', password: 's3cret', db: 0 }],
    [
      'rediss://cache.example.com:6380',
      { host: 'cache.example.com', port: 6380, tls: { servername: 'cache.example.com' } },
    ],
    ['redis://[::1]:6379', { host: '::1', port: 6379 }],
  ])('%s', (url, options) => {
    expect(redisOptionsFromUrl(url)).toEqual(options);
  });

  it.each(['http://redis:6379', 'redis://', 'redis://redis:6379/abc', 'not a url', '127.0.0.1:6379'])(
    'refuses %s',
    (url) => {
      expect(redisOptionsFromUrl(url)).toBeUndefined();
    },
  );
});
