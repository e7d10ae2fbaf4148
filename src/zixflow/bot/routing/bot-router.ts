import type { ZixflowIncomingMessage } from '../../webhooks';
import type { BotRouteMatch, BotRouteMatcher, BotRouteStage } from './bot-route.types';
import { normalizeWords } from './normalize-words';
import { compileReplyIdPattern, ReplyIdPattern } from './reply-id-pattern';

/** A route the router can choose: its matcher, and what runs it. */
export interface BotRoute<Handler> {
  stage: BotRouteStage;
  matcher: BotRouteMatcher;
  handler: Handler;
  /** `Class.method`, for logs and errors. */
  name: string;
  /** The accounts whose messages it answers (`@ZixflowBot({ accounts })`); undefined: every one. */
  accounts?: readonly string[];
}

interface CompiledRoute<Handler> extends BotRoute<Handler> {
  /** Lower ranks win; ties go to the route declared first. */
  rank: number;
  order: number;
  test(message: ZixflowIncomingMessage): BotRouteMatch | undefined;
}

const NO_MATCH: undefined = undefined;

/**
 * Chooses the route for a message within one stage, deterministically: an exact reply id, then a
 * parameterised one (longest literal first), then exact words, then a RegExp, then a message type,
 * then the fallback; among equals, the route declared first (providers in module order, methods in
 * class order).
 */
export class BotRouter<Handler> {
  private readonly routes: CompiledRoute<Handler>[];

  /** @param routes - every route of every bot, in declaration order. */
  constructor(routes: readonly BotRoute<Handler>[]) {
    this.routes = routes.map((route, order) => compile(route, order));
    this.routes.sort((a, b) => a.rank - b.rank || a.order - b.order);
  }

  /** The winning route of `stage` for `message`, with what it matched. */
  find(
    stage: BotRouteStage,
    message: ZixflowIncomingMessage,
    options: { fallback: boolean },
  ): { route: BotRoute<Handler>; match: BotRouteMatch } | undefined {
    for (const route of this.routes) {
      if (route.stage !== stage || (!options.fallback && route.matcher.kind === 'fallback')) continue;
      if (
        route.accounts !== undefined &&
        (message.account === undefined || !route.accounts.includes(message.account))
      ) {
        continue;
      }
      const match = route.test(message);
      if (match !== undefined) return { route, match };
    }
    return NO_MATCH;
  }
}

function textOf(message: ZixflowIncomingMessage): string | undefined {
  return message.message.type === 'text' ? message.message.text.body : undefined;
}

function replyIdOf(message: ZixflowIncomingMessage): string | undefined {
  return message.message.type === 'reply' ? message.message.reply.id : undefined;
}

function compile<Handler>(route: BotRoute<Handler>, order: number): CompiledRoute<Handler> {
  const matcher = route.matcher;
  switch (matcher.kind) {
    case 'reply':
      return compileReply(route, order, compileReplyIdPattern(matcher.pattern));
    case 'text': {
      const words = new Set(matcher.words.map(normalizeWords));
      return {
        ...route,
        order,
        rank: 3,
        test: (message) => {
          const text = textOf(message);
          return text !== undefined && words.has(normalizeWords(text)) ? { params: {}, match: undefined } : NO_MATCH;
        },
      };
    }
    case 'regex':
      return { ...route, order, rank: 4, test: (message) => testRegex(matcher.pattern, textOf(message)) };
    case 'type':
      return {
        ...route,
        order,
        rank: 5,
        test: (message) => (matcher.types.includes(message.message.type) ? { params: {}, match: undefined } : NO_MATCH),
      };
    case 'fallback':
      return { ...route, order, rank: 6, test: () => ({ params: {}, match: undefined }) };
  }
}

function compileReply<Handler>(
  route: BotRoute<Handler>,
  order: number,
  pattern: ReplyIdPattern,
): CompiledRoute<Handler> {
  // Exact ids first (rank 1), then parameterised ones by literal length: `order:{id}:cancel` before `order:{rest}`.
  const rank = pattern.parameterised ? 2 - pattern.literalLength / 10_000 : 1;
  return {
    ...route,
    order,
    rank,
    test: (message) => {
      const id = replyIdOf(message);
      const params = id === undefined ? undefined : pattern.match(id);
      return params === undefined ? NO_MATCH : { params, match: undefined };
    },
  };
}

function testRegex(pattern: RegExp, text: string | undefined): BotRouteMatch | undefined {
  if (text === undefined) return NO_MATCH;
  // A copy, so a global or sticky RegExp's lastIndex never carries over from one customer to the next.
  const found = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(text.trim());
  return found === null ? NO_MATCH : { params: { ...(found.groups ?? {}) }, match: found };
}
