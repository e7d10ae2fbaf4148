import type { ZixflowIncomingMessageType } from '../../webhooks';

/** What a route answers to. */
export type BotRouteMatcher =
  | { kind: 'text'; words: readonly string[] }
  | { kind: 'regex'; pattern: RegExp }
  | { kind: 'reply'; pattern: string }
  | { kind: 'type'; types: readonly ZixflowIncomingMessageType[] }
  | { kind: 'fallback' };

/** Where a route sits in the precedence order (see docs/bots.md). */
export type BotRouteStage = 'interrupt' | 'route' | 'resume';

/** The metadata one routing decorator leaves on a method. */
export interface BotRouteMetadata {
  stage: BotRouteStage;
  matcher: BotRouteMatcher;
}

/** What matching a route found in the message: reply-id parameters, RegExp groups. */
export interface BotRouteMatch {
  /** Named parameters of a reply id (`order:{id}:cancel`) or named RegExp groups. */
  params: Record<string, string>;
  /** The RegExp match of a text route, with its numbered groups. */
  match: RegExpExecArray | undefined;
}
