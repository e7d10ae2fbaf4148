/**
 * The options toolkit every module checks its `forRoot` / `forRootAsync` options with: each module
 * declares its fields once (checker, default, environment variable), and the toolkit words every
 * mistake the same way (`<Module>: <path> (<ENV>) must be …`), refuses unknown keys at every level
 * and reads the environment for the `@nestjs/config` namespaces. Internal: not a public entry.
 */
export { closestName } from './did-you-mean';
export { custom, OptionField } from './option-field';
export type { CustomOptionSettings, OptionCheck } from './option-field';
export { group, resolveOptions, resolveShape } from './option-group';
export type { GroupSettings, OptionShape, OptionShapeOf, ResolvedOptions } from './option-group';
export { childSite, missingOptionError, optionError, optionLabel } from './option-site';
export type { OptionOwner, OptionSite } from './option-site';
export { readEnv, readEnvOption, readEnvOptions } from './read-env';
export type { EnvOptions } from './read-env';
export {
  boolean,
  decimal,
  durationMs,
  fn,
  NODE_TIMER_MAX_MS,
  oneOf,
  secret,
  text,
  wholeNumber,
} from './scalar-options';
export type { DecimalRule, SecretRule, TextRule, WholeNumberRule } from './scalar-options';
export { httpUrl } from './url-option';
export type { UrlRule } from './url-option';
