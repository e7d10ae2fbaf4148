import { ZixflowConfigurationError } from '../errors/zixflow-configuration.error';
import { closestName } from './did-you-mean';
import { custom, OptionField } from './option-field';
import { childSite, optionError, OptionOwner, OptionSite } from './option-site';

/** The declared options of one object: each key and its field. */
export type OptionShape = Readonly<Record<string, OptionField<unknown, unknown>>>;

/**
 * A shape declaring every key of the options interface `I`, and no other: with `satisfies`, the
 * compiler refuses a shape that forgets an option or declares one the interface does not have.
 */
export type OptionShapeOf<I> = { readonly [K in keyof Required<I>]: OptionField<unknown, unknown> };

/** What resolving a shape returns: each key with its resolved value. */
export type ResolvedOptions<S extends OptionShape> = {
  -readonly [K in keyof S]: S[K] extends OptionField<infer T, unknown> ? T : never;
};

/** Settings of a nested options object. */
export interface GroupSettings {
  /** Also accept `false`, e.g. `retry: false` (never retry) or `worker: false` (no worker). */
  readonly allowFalse?: true;
}

const MAX_KEY_LENGTH = 64;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses keys the shape does not declare, so a misspelt option fails start-up instead of being
 * silently ignored (with its default quietly applied), naming the key and the likely one meant.
 */
function refuseUnknownKeys(shape: OptionShape, value: Record<string, unknown>, site: OptionSite): void {
  const known = Object.keys(shape);
  for (const key of Object.keys(value)) {
    if (Object.prototype.hasOwnProperty.call(shape, key)) {
      continue;
    }
    const name = key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH)}…` : key;
    const { owner } = site;
    if (site.path === '' && owner.extras?.includes(key)) {
      throw new ZixflowConfigurationError(
        `${owner.name}: ${name} is not an option but a setting of ${owner.name}.forRoot() / forRootAsync() itself; ` +
          `pass it there, next to useFactory, not in the options.`,
      );
    }
    const path = childSite(site, name, undefined).path;
    const suggestion = closestName(key, known);
    const guess = suggestion === undefined ? '.' : `; did you mean ${suggestion}?`;
    const scope = site.path === '' ? '' : ` of ${site.path}`;
    throw new ZixflowConfigurationError(
      `${owner.name}: ${path} is not an option${guess} The options${scope} are ${known.join(', ')}.`,
    );
  }
}

/**
 * Checks an object against its shape: unknown keys first (a misspelling explains a "missing"
 * option better than the "missing" message would), then each declared field in declaration order.
 */
export function resolveShape<S extends OptionShape>(
  shape: S,
  value: Record<string, unknown>,
  site: OptionSite,
): ResolvedOptions<S> {
  refuseUnknownKeys(shape, value, site);
  const resolved: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    resolved[key] = field.resolve(value[key], childSite(site, key, field.envName));
  }
  return resolved as ResolvedOptions<S>;
}

/**
 * A nested options object such as `retry` or `worker`: left out, it resolves with every default of
 * its fields (a fresh object each time); given, it must be an object of declared keys only.
 */
export function group<S extends OptionShape>(
  shape: S,
  settings: GroupSettings & { allowFalse: true },
): OptionField<ResolvedOptions<S> | false, never>;
export function group<S extends OptionShape>(shape: S): OptionField<ResolvedOptions<S>, never>;
export function group<S extends OptionShape>(
  shape: S,
  settings: GroupSettings = {},
): OptionField<ResolvedOptions<S> | false, never> {
  const allowFalse = settings.allowFalse === true;
  const wording = `must be ${allowFalse ? 'false or ' : ''}an object with ${Object.keys(shape).join(', ')}`;
  return custom<ResolvedOptions<S> | false, never>((value, site) => {
    if (allowFalse && value === false) {
      return false;
    }
    if (!isObject(value)) {
      throw optionError(site, wording);
    }
    return resolveShape(shape, value, site);
  }).defaultFrom((site) => resolveShape(shape, {}, site));
}

/**
 * Checks a module's options once, at start-up, whichever way they were given (`forRoot`,
 * `forRootAsync`, `@nestjs/config`): the entry point of every module's options schema.
 * @throws ZixflowConfigurationError naming the first problem's option, never its value.
 */
export function resolveOptions<S extends OptionShape>(
  owner: OptionOwner,
  shape: S,
  options: unknown,
): ResolvedOptions<S> {
  if (!isObject(options)) {
    const required = Object.keys(shape).filter((key) => shape[key].isRequired);
    throw new ZixflowConfigurationError(
      `${owner.name}: options are missing; pass { ${required.join(', ')} } to ${owner.name}.forRoot().`,
    );
  }
  return resolveShape(shape, options, { owner, path: '' });
}
