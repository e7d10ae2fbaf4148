import { OptionField } from './option-field';
import type { OptionShape } from './option-group';
import { OptionOwner } from './option-site';

/**
 * An environment variable's value, trimmed; `undefined` when unset or blank, because shells and
 * `.env` files often leave a variable empty (`ZIXFLOW_PHONE_ID=`) and a pasted value often carries
 * a newline. The one way every `@nestjs/config` namespace of the library reads the environment.
 */
export function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * One option read from the variable its field declares (`.fromEnv()`), at `path` in `owner`'s
 * options: `undefined` when unset; numbers and booleans parsed and checked at once, so
 * `ZIXFLOW_TIMEOUT_MS=10s` fails with the same message as `timeoutMs: '10s'` in code.
 * @throws ZixflowConfigurationError naming the option and the variable.
 */
export function readEnvOption<E>(owner: OptionOwner, path: string, field: OptionField<unknown, E>): E | undefined {
  const env = field.envName;
  const text = env === undefined ? undefined : readEnv(env);
  return text === undefined ? undefined : field.fromEnvText(text, { owner, path, env });
}

/** The top-level options of a shape that are fed by an environment variable, each read or `undefined`. */
export type EnvOptions<S extends OptionShape> = {
  -readonly [K in keyof S]?: S[K] extends OptionField<unknown, infer E> ? E : never;
};

/**
 * Every top-level option of `shape` that declares an environment variable, read with
 * {@link readEnvOption}; unset ones are present as `undefined` so the result documents what the
 * namespace reads. A new option with `.fromEnv()` is read without touching the config file.
 */
export function readEnvOptions<S extends OptionShape>(owner: OptionOwner, shape: S): EnvOptions<S> {
  const options: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (field.envName !== undefined) {
      options[key] = readEnvOption(owner, key, field);
    }
  }
  return options as EnvOptions<S>;
}
