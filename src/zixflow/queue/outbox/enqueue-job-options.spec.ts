import { enqueueJobOptions } from './enqueue-job-options';
import { idempotencyJobId } from './idempotency-job-id';

describe('enqueueJobOptions', () => {
  it('no options: BullMQ picks the id and the queue defaults apply', () => {
    expect(enqueueJobOptions()).toEqual({});
  });

  it('maps idempotencyKey, delayMs and priority', () => {
    expect(enqueueJobOptions({ idempotencyKey: 'order-1', delayMs: 500, priority: 3 })).toEqual({
      jobId: idempotencyJobId('order-1'),
      delay: 500,
      priority: 3,
    });
  });

  it.each([
    [{ idempotencyKey: '' }, /idempotencyKey/],
    [{ delayMs: -1 }, /delayMs/],
    [{ delayMs: 1.5 }, /delayMs/],
    [{ priority: 0 }, /priority/],
    [{ priority: 2 ** 21 + 1 }, /priority/],
  ])('refuses %j with a RangeError', (options, name) => {
    expect(() => enqueueJobOptions(options)).toThrow(RangeError);
    expect(() => enqueueJobOptions(options)).toThrow(name);
  });
});

describe('idempotencyJobId', () => {
  it('is stable, and valid for BullMQ whatever the key (numbers, colons, any text)', () => {
    for (const key of ['1001', 'broadcast:42:+13023895111', 'ünïcødé key', 'x'.repeat(10_000)]) {
      const id = idempotencyJobId(key);
      expect(id).toBe(idempotencyJobId(key));
      expect(id).toMatch(/^zx-[A-Za-z0-9_-]{43}$/);
    }
  });

  it('differs between keys', () => {
    expect(idempotencyJobId('a')).not.toBe(idempotencyJobId('b'));
  });
});
