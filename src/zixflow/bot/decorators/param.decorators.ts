import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ZixflowBotContext } from '../context/zixflow-bot-context';

function contextOf(host: ExecutionContext): ZixflowBotContext {
  return host.getArgByIndex<ZixflowBotContext>(0);
}

/** The turn's {@link ZixflowBotContext}. A handler without parameter decorators receives it as its first argument. */
export const Ctx: () => ParameterDecorator = createParamDecorator((_data: unknown, host: ExecutionContext) =>
  contextOf(host),
);

/**
 * A parameter of the matched route: `@Param('id')` of `@OnReply('order:{id}:cancel')`, or a named
 * group of a `@Hears` RegExp; without a name, all of them as an object.
 */
export const Param: (name?: string) => ParameterDecorator = createParamDecorator(
  (name: string | undefined, host: ExecutionContext) => {
    const params = contextOf(host).params;
    return name === undefined ? params : params[name];
  },
);

/** The conversation's session object; changes to it are saved at the end of the turn. */
export const Session: () => ParameterDecorator = createParamDecorator(
  (_data: unknown, host: ExecutionContext) => contextOf(host).session,
);

/** The incoming message that started the turn (a `ZixflowIncomingMessage`). */
export const IncomingMessage: () => ParameterDecorator = createParamDecorator(
  (_data: unknown, host: ExecutionContext) => contextOf(host).message,
);
