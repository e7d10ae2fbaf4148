import { missingOptionError, OptionSite } from './option-site';

/** Checks a value that was given (never `undefined`) and returns it, possibly normalised. */
export type OptionCheck<T> = (value: unknown, site: OptionSite) => T;

/** What happens when an option is left out. */
type Presence<T> =
  | { readonly kind: 'required'; readonly hint?: string }
  | { readonly kind: 'optional' }
  | { readonly kind: 'default'; readonly value: (site: OptionSite) => T };

/** Everything a field knows; copied, never changed, by the builder methods. */
interface FieldSettings<T> {
  readonly check: OptionCheck<T>;
  /** Text options: a blank value counts as missing when the option is required. */
  readonly text: boolean;
  /** Turns an environment variable's text into the value `check` expects; absent for text options. */
  readonly parseEnv?: (text: string) => unknown;
  readonly env?: string;
  readonly presence: Presence<T>;
  /** `''` means "left out", as `.env` files and shells often leave a variable empty. */
  readonly emptyIsUnset: boolean;
}

/**
 * One declared option: how it is checked, what happens when it is left out, and the environment
 * variable that feeds it. Built by the checkers (`wholeNumber()`, `text()`, `group()`…) and refined
 * with `.optional()`, `.default()`, `.fromEnv()`, so a module declares each option once, in one
 * place, and its messages, defaults and `@nestjs/config` reader all follow from that declaration.
 * A field is required unless `.optional()` or `.default()` says otherwise. `E` is what its
 * environment variable is read as: the checked value for numbers and booleans, the text otherwise.
 */
export class OptionField<T, E = Exclude<T, undefined>> {
  /** @internal Use a checker such as `wholeNumber()` or {@link custom}. */
  constructor(private readonly settings: FieldSettings<T>) {}

  /** The environment variable that feeds this option, if any. */
  get envName(): string | undefined {
    return this.settings.env;
  }

  /** True when leaving the option out is a start-up error. */
  get isRequired(): boolean {
    return this.settings.presence.kind === 'required';
  }

  /** Leaving the option out resolves to `undefined`. */
  optional(): OptionField<T | undefined, E> {
    return new OptionField<T | undefined, E>({ ...this.settings, presence: { kind: 'optional' } });
  }

  /** Leaving the option out resolves to `value` (already in resolved form, so it is not checked). */
  default(value: T): OptionField<T, E> {
    return this.with({ presence: { kind: 'default', value: () => value } });
  }

  /** @internal A default computed per resolution, e.g. a fresh object. */
  defaultFrom(value: (site: OptionSite) => T): OptionField<T, E> {
    return this.with({ presence: { kind: 'default', value } });
  }

  /** A required option: `hint` is added to the "is missing" message, e.g. how to generate a secret. */
  required(hint?: string): OptionField<T, E> {
    return this.with({ presence: hint === undefined ? { kind: 'required' } : { kind: 'required', hint } });
  }

  /** The environment variable that feeds the option: named in its messages, read by {@link readEnvOptions}. */
  fromEnv(name: string): OptionField<T, E> {
    return this.with({ env: name });
  }

  /** An empty string means "left out" (the default applies), as an empty `.env` line usually means. */
  emptyIsUnset(): OptionField<T, E> {
    return this.with({ emptyIsUnset: true });
  }

  /**
   * Checks `value` (`undefined` when left out) at `site` and returns the resolved value.
   * @throws ZixflowConfigurationError naming the option, never showing its value.
   */
  resolve(value: unknown, site: OptionSite): T {
    const { check, presence, text, emptyIsUnset } = this.settings;
    const blank = typeof value === 'string' && value.trim() === '';
    const leftOut =
      value === undefined || (emptyIsUnset && value === '') || (text && blank && presence.kind === 'required');
    if (!leftOut) {
      return check(value, site);
    }
    switch (presence.kind) {
      case 'required':
        throw missingOptionError(site, text, presence.hint);
      case 'default':
        return presence.value(site);
      case 'optional':
        return undefined as T;
    }
  }

  /**
   * Reads the option from its environment variable's (trimmed, non-empty) text: numbers and
   * booleans are parsed and checked at once, so a typo in `.env` fails where it is read with the
   * same message as in code; text is passed on as is and checked by the module.
   */
  fromEnvText(text: string, site: OptionSite): E {
    const { parseEnv, check } = this.settings;
    if (parseEnv === undefined) {
      return text as E;
    }
    const parsed = parseEnv(text);
    check(parsed, site);
    return parsed as E;
  }

  private with(changes: Partial<FieldSettings<T>>): OptionField<T, E> {
    return new OptionField<T, E>({ ...this.settings, ...changes });
  }
}

/** Settings of a checker built with {@link custom}. */
export interface CustomOptionSettings {
  /** Treat a blank string as missing, and say "missing or empty". */
  readonly text?: boolean;
  /** Parse the environment variable's text; without it the text is passed on as is. */
  readonly parseEnv?: (text: string) => unknown;
}

/**
 * A required option checked by `check`, for the few rules that belong to one module (a Redis URL, a
 * store interface). `check` reports problems with `optionError(site, 'must …')`. Give `E` as
 * `string` for an option whose environment variable is passed on as text (no `parseEnv`).
 */
export function custom<T, E = T>(check: OptionCheck<T>, settings: CustomOptionSettings = {}): OptionField<T, E> {
  return new OptionField<T, E>({
    check,
    text: settings.text ?? false,
    parseEnv: settings.parseEnv,
    presence: { kind: 'required' },
    emptyIsUnset: false,
  });
}
