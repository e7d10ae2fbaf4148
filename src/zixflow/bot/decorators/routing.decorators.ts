import type { ZixflowIncomingMessageType } from '../../webhooks';
import type { BotRouteMatcher } from '../routing/bot-route.types';
import { addRoute, BotProviderMetadata, ZixflowBotOptions } from './bot-metadata';

/** What a text route listens for: words (any of them) or one RegExp. */
export type ZixflowTextPattern = string | readonly string[] | RegExp;

function textMatcher(pattern: ZixflowTextPattern): BotRouteMatcher {
  if (pattern instanceof RegExp) return { kind: 'regex', pattern };
  return { kind: 'text', words: typeof pattern === 'string' ? [pattern] : [...pattern] };
}

/**
 * Marks a provider as a WhatsApp bot: its `@Hears`, `@OnReply`, `@OnMessageType`, `@Fallback`,
 * `@Interrupt` and `@Resume` methods answer customers' messages, one turn at a time per customer.
 * `@ZixflowBot({ accounts: ['brand-b'] })` answers only the messages of those accounts.
 */
export function ZixflowBot(options: ZixflowBotOptions = {}): ClassDecorator {
  const accounts = options.accounts === undefined ? undefined : [...options.accounts];
  return BotProviderMetadata(accounts === undefined ? {} : { accounts });
}

/**
 * Answers a text message: exact words, compared without case, extra spaces or punctuation at the
 * ends (`@Hears(['hi', 'menu'])` matches "Hi!" and " MENU "), or a RegExp tested on the trimmed
 * text, whose groups the handler reads from `ctx.match` and named groups from `@Param()`.
 */
export function Hears(pattern: ZixflowTextPattern): MethodDecorator {
  return addRoute({ stage: 'route', matcher: textMatcher(pattern) });
}

/**
 * Answers a tapped reply button or a picked list row by its id. `{name}` parts are parameters:
 * `@OnReply('order:{id}:cancel')` matches `order:1001:cancel` and `@Param('id')` reads `1001`.
 */
export function OnReply(idPattern: string): MethodDecorator {
  return addRoute({ stage: 'route', matcher: { kind: 'reply', pattern: idPattern } });
}

/** Answers messages of the given types (`image`, `location`, …) that no text or reply route took. */
export function OnMessageType(...types: ZixflowIncomingMessageType[]): MethodDecorator {
  return addRoute({ stage: 'route', matcher: { kind: 'type', types } });
}

/** Answers whatever no other route took (and no active dialog was waiting for). */
export function Fallback(): MethodDecorator {
  return addRoute({ stage: 'route', matcher: { kind: 'fallback' } });
}

/**
 * Runs before any active dialog: words such as `cancel` or `agent` that must work in the middle of
 * a form. A text pattern, or `{ reply: 'id-pattern' }` for a button.
 */
export function Interrupt(pattern: ZixflowTextPattern | { reply: string }): MethodDecorator {
  const matcher: BotRouteMatcher =
    typeof pattern === 'object' && !Array.isArray(pattern) && !(pattern instanceof RegExp)
      ? { kind: 'reply', pattern: (pattern as { reply: string }).reply }
      : textMatcher(pattern as ZixflowTextPattern);
  return addRoute({ stage: 'interrupt', matcher });
}

/**
 * The only routes that run while a conversation is handed off to a human (`ctx.handoff()`): a text
 * pattern, or `{ reply: 'id-pattern' }`. The handler usually calls `ctx.resume()`.
 */
export function Resume(pattern: ZixflowTextPattern | { reply: string }): MethodDecorator {
  const matcher: BotRouteMatcher =
    typeof pattern === 'object' && !Array.isArray(pattern) && !(pattern instanceof RegExp)
      ? { kind: 'reply', pattern: (pattern as { reply: string }).reply }
      : textMatcher(pattern as ZixflowTextPattern);
  return addRoute({ stage: 'resume', matcher });
}
