/*
 * `@nestjs/terminus` is needed only by the health entry point, and the health entry needs nothing
 * of the other optional peers: an app with health checks but without webhooks, a queue or Redis
 * loads it without them.
 */
describe('the optional @nestjs/terminus peer', () => {
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

  afterEach(() => {
    for (const name of ['@nestjs/terminus', '@nestjs/event-emitter', 'bullmq', '@nestjs/bullmq', 'ioredis']) {
      jest.dontMock(name);
    }
  });

  it.each(['../index', '../testing', '../queue', '../webhooks'])('is not loaded by %s', (path) => {
    expect(loadWithout(['@nestjs/terminus'], path)).not.toThrow();
  });

  it('is loaded by nestjs-zixflow/health, which is why that is a separate entry point', () => {
    expect(loadWithout(['@nestjs/terminus'], './index')).toThrow(/@nestjs\/terminus/);
  });

  it('nestjs-zixflow/health loads without @nestjs/event-emitter, bullmq, @nestjs/bullmq and ioredis', () => {
    expect(loadWithout(['@nestjs/event-emitter', 'bullmq', '@nestjs/bullmq', 'ioredis'], './index')).not.toThrow();
  });
});
