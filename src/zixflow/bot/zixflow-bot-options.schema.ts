import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { DEFAULT_APOLOGY, DEFAULT_OUTDATED_DIALOG } from './zixflow-bot.constants';
import type { ResolvedZixflowBotOptions, ZixflowBotModuleOptions } from './zixflow-bot-options.interface';
import { systemBotClock } from './timers/zixflow-bot-clock';

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'store',
  'sessionTtlMs',
  'initialSession',
  'maxParallelConversations',
  'apologyMessage',
  'outdatedDialogMessage',
  'windowClosedTemplate',
  'clock',
  'maxTurnAttempts',
]);

function wholeNumber(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2_147_483_647) {
    throw new ZixflowConfigurationError(`ZixflowBotModule: ${name} must be a whole number ≥ ${min}`);
  }
  return value;
}

/** Checks the bot options at start-up; a misspelt key is refused with its name. */
export function resolveZixflowBotOptions(options: ZixflowBotModuleOptions | undefined): ResolvedZixflowBotOptions {
  const given = options ?? {};
  for (const key of Object.keys(given)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new ZixflowConfigurationError(`ZixflowBotModule: unknown option "${key}"`);
    }
  }
  if (given.store !== undefined && typeof given.store.compareAndSet !== 'function') {
    throw new ZixflowConfigurationError(
      'ZixflowBotModule: store must implement ZixflowConversationStore (load, compareAndSet, delete)',
    );
  }
  return {
    store: given.store,
    sessionTtlMs: wholeNumber('sessionTtlMs', given.sessionTtlMs, 24 * 60 * 60 * 1000, 1000),
    initialSession: given.initialSession ?? (() => ({})),
    maxParallelConversations: wholeNumber('maxParallelConversations', given.maxParallelConversations, 32, 1),
    apologyMessage: given.apologyMessage ?? DEFAULT_APOLOGY,
    outdatedDialogMessage: given.outdatedDialogMessage ?? DEFAULT_OUTDATED_DIALOG,
    windowClosedTemplate: given.windowClosedTemplate,
    clock: given.clock ?? systemBotClock,
    maxTurnAttempts: wholeNumber('maxTurnAttempts', given.maxTurnAttempts, 3, 1),
  };
}
