import type { ModuleRef } from '@nestjs/core';

/** The part of `EventEmitter2` the queue uses. */
export interface ZixflowQueueEmitter {
  emit(event: string, payload: object): boolean;
}

/**
 * The application's `EventEmitter2`, when `@nestjs/event-emitter` is installed and
 * `EventEmitterModule` is registered; undefined otherwise, and then the queue emits nothing. The
 * package is loaded here, on demand, so `nestjs-zixflow/queue` works without it.
 */
export function findEventEmitter(moduleRef: ModuleRef): ZixflowQueueEmitter | undefined {
  const token = eventEmitterToken();
  if (token === undefined) {
    return undefined;
  }
  try {
    return moduleRef.get<unknown, ZixflowQueueEmitter>(token, { strict: false });
  } catch {
    // Installed but not registered: the application does not listen to events.
    return undefined;
  }
}

function eventEmitterToken(): (abstract new (...args: never[]) => unknown) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const eventEmitter = require('@nestjs/event-emitter') as typeof import('@nestjs/event-emitter');
    return eventEmitter.EventEmitter2;
  } catch {
    return undefined;
  }
}
