import { ExampleLogger, logLevelsFrom } from './example-logger';

/** Runs `write` with stdout and stderr captured, and returns what was printed. */
function printed(write: (logger: ExampleLogger) => void, logLevel?: string): string {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    chunks.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    write(new ExampleLogger(logLevel));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  // Without the colours, so the assertions read like the terminal.
  // eslint-disable-next-line no-control-regex
  return chunks.join('').replace(/\x1b\[[0-9;]*m/g, '');
}

describe('logLevelsFrom (LOG_LEVEL)', () => {
  it.each([
    [undefined, ['fatal', 'error', 'warn', 'log']],
    ['', ['fatal', 'error', 'warn', 'log']],
    ['warn', ['fatal', 'error', 'warn']],
    [' DEBUG ', ['fatal', 'error', 'warn', 'log', 'debug']],
    ['verbose', ['fatal', 'error', 'warn', 'log', 'debug', 'verbose']],
    ['loud', ['fatal', 'error', 'warn', 'log']],
  ])('%p → %p', (value, levels) => {
    expect(logLevelsFrom(value)).toEqual(levels);
  });
});

describe('ExampleLogger', () => {
  it('leaves out Nest’s start-up lines and debug lines, keeps the app’s and the library’s', () => {
    const text = printed((logger) => {
      logger.log('AppModule dependencies initialized', 'InstanceLoader');
      logger.log('Mapped {/messages/video, POST} route', 'RouterExplorer');
      logger.log('Nest application successfully started', 'NestApplication');
      logger.debug('evaluated to false', 'ConditionalModule');
      logger.log('8 bot routes', 'ZixflowBot');
      logger.log('the banner', 'Example');
    });
    expect(text).not.toMatch(/InstanceLoader|RouterExplorer|successfully started|evaluated/);
    expect(text).toContain('[ZixflowBot] 8 bot routes');
    expect(text).toContain('[Example] the banner');
  });

  it('always shows warnings and errors, from Nest too, but not Nest’s raw listen error (main.ts reports it)', () => {
    const text = printed((logger) => {
      logger.warn('a warning', 'NestApplication');
      logger.error('Error: listen EADDRINUSE: address already in use :::3000', undefined, 'NestApplication');
      logger.error('something else broke', undefined, 'NestApplication');
    });
    expect(text).toContain('a warning');
    expect(text).toContain('something else broke');
    expect(text).not.toContain('EADDRINUSE');
  });

  it('with LOG_LEVEL=debug, shows Nest’s start-up lines and debug lines', () => {
    const text = printed((logger) => {
      logger.log('Mapped {/messages/video, POST} route', 'RouterExplorer');
      logger.debug('Received a message', 'ZixflowWebhooks');
    }, 'debug');
    expect(text).toContain('Mapped {/messages/video, POST} route');
    expect(text).toContain('Received a message');
  });
});
