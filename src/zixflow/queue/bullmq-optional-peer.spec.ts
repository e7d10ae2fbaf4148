/*
 * `bullmq` and `@nestjs/bullmq` are needed only by the queue entry point, and `@nestjs/event-emitter`
 * is optional for it too. This proves that apps without the queue do not need BullMQ installed, and
 * that the queue works without the event emitter.
 */
describe('the optional bullmq and @nestjs/bullmq peers', () => {
  const MISSING = ['bullmq', '@nestjs/bullmq'] as const;

  function loadWithout(missing: readonly string[], path: string): () => unknown {
    return () => {
      let loaded: unknown;
      jest.isolateModules(() => {
        for (const name of missing) {
          jest.doMock(name, () => {
            throw new Error(`Cannot find module '${name}'`);
          });
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(path);
      });
      return loaded;
    };
  }

  afterEach(() => [...MISSING, '@nestjs/event-emitter'].forEach((name) => jest.dontMock(name)));

  it('are not loaded by nestjs-zixflow (the main entry)', () => {
    expect(loadWithout(MISSING, '../index')).not.toThrow();
  });

  it('are not loaded by nestjs-zixflow/testing or nestjs-zixflow/webhooks', () => {
    expect(loadWithout(MISSING, '../testing')).not.toThrow();
    expect(loadWithout(MISSING, '../webhooks')).not.toThrow();
  });

  it.each(MISSING)('%s is loaded by nestjs-zixflow/queue, which is why that is a separate entry point', (name) => {
    expect(loadWithout([name], './index')).toThrow(name);
  });

  it('nestjs-zixflow/queue loads without @nestjs/event-emitter (it then emits no events)', () => {
    expect(loadWithout(['@nestjs/event-emitter'], './index')).not.toThrow();
  });
});
