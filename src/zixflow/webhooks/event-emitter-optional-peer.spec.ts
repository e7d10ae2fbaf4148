/*
 * `@nestjs/event-emitter` is needed only by the webhooks entry point. This proves that apps that
 * only send messages can import the main entry without having it installed.
 */
describe('the optional @nestjs/event-emitter peer', () => {
  function loadWithoutEventEmitter(path: string): () => unknown {
    return () => {
      let loaded: unknown;
      jest.isolateModules(() => {
        jest.doMock('@nestjs/event-emitter', () => {
          throw new Error("Cannot find module '@nestjs/event-emitter'");
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(path);
      });
      return loaded;
    };
  }

  afterEach(() => jest.dontMock('@nestjs/event-emitter'));

  it('is not loaded by nestjs-zixflow (the main entry)', () => {
    expect(loadWithoutEventEmitter('../index')).not.toThrow();
  });

  it('is not loaded by nestjs-zixflow/testing', () => {
    expect(loadWithoutEventEmitter('../testing')).not.toThrow();
  });

  it('is loaded by nestjs-zixflow/webhooks, which is why that is a separate entry point', () => {
    expect(loadWithoutEventEmitter('./index')).toThrow(/@nestjs\/event-emitter/);
  });
});
