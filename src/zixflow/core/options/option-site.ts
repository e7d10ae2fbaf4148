import { ZixflowConfigurationError } from '../errors/zixflow-configuration.error';

/** The module whose options are checked, as its messages name it. */
export interface OptionOwner {
  /** Class name, e.g. `ZixflowModule`: every message starts with it, so a log line says which module failed. */
  readonly name: string;
  /** The `@nestjs/config` namespace that reads the module's environment variables, e.g. `zixflowConfig`. */
  readonly config?: string;
  /**
   * Keys that belong to `forRoot()` / `forRootAsync()` themselves (e.g. `isGlobal`), not to the
   * options: given inside the options (typically by a `useFactory`), they get a message saying where
   * they go instead of a bare "not an option".
   */
  readonly extras?: readonly string[];
}

/** Where one option sits: its module, its dotted path (`retry.retries`) and the variable that feeds it. */
export interface OptionSite {
  /** The module being configured. */
  readonly owner: OptionOwner;
  /** Dotted path from the top of the options; `''` for the options object itself. */
  readonly path: string;
  /** Environment variable that feeds the option, named in every message about it. */
  readonly env?: string;
}

/** How messages name an option: `timeoutMs (ZIXFLOW_TIMEOUT_MS)`, or just the path. */
export function optionLabel(site: OptionSite): string {
  return site.env === undefined ? site.path : `${site.path} (${site.env})`;
}

/**
 * The error for an option that breaks a rule, worded `<Module>: <path> (<ENV>) <rule>.`, e.g.
 * `ZixflowQueueModule: worker.concurrency (ZIXFLOW_QUEUE_CONCURRENCY) must be a whole number ≥ 1.`
 * Every checker words its rule once, so the same mistake reads the same in every module. The
 * value is never part of the message: it may be a secret, or a URL with a password in it.
 */
export function optionError(site: OptionSite, rule: string): ZixflowConfigurationError {
  return new ZixflowConfigurationError(`${site.owner.name}: ${optionLabel(site)} ${rule}.`);
}

/**
 * The error for a required option left out (or, for text, left blank). With an environment
 * variable it says both ways to give it, because the usual cause is a variable missing from `.env`.
 */
export function missingOptionError(site: OptionSite, text: boolean, hint?: string): ZixflowConfigurationError {
  const { owner, path, env } = site;
  let message = `${owner.name}: ${path} is missing${text ? ' or empty' : ''}`;
  if (env !== undefined) {
    const reader = owner.config === undefined ? '' : ` (read by ${owner.config})`;
    message += `. Set the ${env} environment variable${reader} or pass ${path} to ${owner.name}.forRoot()`;
  }
  return new ZixflowConfigurationError(`${message}${hint === undefined ? '' : `; ${hint}`}.`);
}

/** The site of `key` inside `parent`, fed by `env` when the field declares one. */
export function childSite(parent: OptionSite, key: string, env: string | undefined): OptionSite {
  const path = parent.path === '' ? key : `${parent.path}.${key}`;
  return env === undefined ? { owner: parent.owner, path } : { owner: parent.owner, path, env };
}
