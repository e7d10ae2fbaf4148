import type { RedisOptions } from 'bullmq';

/**
 * ioredis options for a `redis://` or `rediss://` URL (`redis://[user:password@]host[:port][/db]`),
 * so every BullMQ client (the queue, the worker and its blocking connection) is created from options
 * and closed by BullMQ itself; BullMQ's own `url` option exists only in recent 5.x releases.
 * Returns undefined for anything that is not such a URL. Credentials are percent-decoded.
 */
export function redisOptionsFromUrl(value: string): RedisOptions | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    return undefined;
  }
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) {
    return undefined;
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(db === '' ? {} : { db: Number(db) }),
    ...(url.protocol === 'rediss:' ? { tls: { servername: url.hostname } } : {}),
  };
}
