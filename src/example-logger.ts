import { ConsoleLogger, LogLevel } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module, controller and route, and "successfully started". */
const NEST_START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** `LOG_LEVEL` values, each showing its level and the more severe ones. */
const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The levels `LOG_LEVEL` turns on: `log` (the default) shows fatal, error, warn and log lines. */
export function logLevelsFrom(value: string | undefined): LogLevel[] {
  const wanted = LEVELS.indexOf((value?.trim().toLowerCase() || 'log') as LogLevel);
  return LEVELS.slice(0, (wanted === -1 ? LEVELS.indexOf('log') : wanted) + 1);
}

/** What Nest's `app.listen()` logs before it rejects; `main.ts` says it better, in one line. */
function isListenError(logLevel: LogLevel, messages: unknown[]): boolean {
  return logLevel === 'error' && typeof messages[0] === 'string' && /^Error: listen E[A-Z]+/.test(messages[0]);
}

/**
 * The example app's logger: what a person needs at start-up and nothing more. Nest's start-up
 * lines (modules initialised, routes mapped, "successfully started") are left out, so the banner is
 * what `npm start` shows; they come back, with debug lines, with `LOG_LEVEL=debug` or `verbose`.
 * Warnings and errors are always shown, except Nest's raw `listen` error, which `main.ts` reports
 * as one line naming `PORT`.
 */
export class ExampleLogger extends ConsoleLogger {
  private readonly startUpLines: boolean;

  constructor(logLevel: string | undefined = process.env.LOG_LEVEL) {
    const logLevels = logLevelsFrom(logLevel);
    super({ logLevels });
    this.startUpLines = logLevels.includes('debug');
  }

  protected override printMessages(
    messages: unknown[],
    context = '',
    logLevel: LogLevel = 'log',
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    if (isListenError(logLevel, messages)) return;
    const severe = logLevel === 'fatal' || logLevel === 'error' || logLevel === 'warn';
    if (!this.startUpLines && !severe && NEST_START_UP_CONTEXTS.has(context)) return;
    super.printMessages(messages, context, logLevel, writeStreamType, errorStack);
  }
}
