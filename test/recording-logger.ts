import { LoggerService } from '@nestjs/common';

/** Collects every log line the app writes (and error stacks), so tests can assert on them. */
export class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown): void {
    this.lines.push(String(message));
  }
  error(message: unknown, stack?: unknown): void {
    this.lines.push(String(message), String(stack ?? ''));
  }
  warn(message: unknown): void {
    this.lines.push(String(message));
  }
  debug(message: unknown): void {
    this.lines.push(String(message));
  }
  verbose(message: unknown): void {
    this.lines.push(String(message));
  }
}
