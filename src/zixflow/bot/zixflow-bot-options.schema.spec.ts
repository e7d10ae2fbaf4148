import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { resolveZixflowBotOptions } from './zixflow-bot-options.schema';

describe('resolveZixflowBotOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveZixflowBotOptions(undefined);
    expect(resolved).toMatchObject({ sessionTtlMs: 86_400_000, maxParallelConversations: 32, maxTurnAttempts: 3 });
    expect(resolved.initialSession()).toEqual({});
  });

  it.each([
    [{ sesionTtlMs: 1000 }, /ZixflowBotModule: sesionTtlMs is not an option; did you mean sessionTtlMs\?/],
    [{ maxParallelConversations: 0 }, /ZixflowBotModule: maxParallelConversations must be a whole number ≥ 1/],
    [{ store: {} }, /ZixflowBotModule: store must implement ZixflowConversationStore/],
    [{ apologyMessage: 42 }, /apologyMessage must be a reply/],
    [{ windowClosedTemplate: { type: 'text' } }, /windowClosedTemplate must be a template reply/],
  ])('refuses %j with the option named', (options, message) => {
    expect(() => resolveZixflowBotOptions(options as never)).toThrow(ZixflowConfigurationError);
    expect(() => resolveZixflowBotOptions(options as never)).toThrow(message);
  });

  it('accepts false for no apology', () => {
    expect(resolveZixflowBotOptions({ apologyMessage: false }).apologyMessage).toBe(false);
  });
});
