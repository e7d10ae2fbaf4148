import { durationMs, fn, OptionOwner, OptionShapeOf, resolveOptions, wholeNumber } from '../../core/options';
import type { ZixflowModuleOptions } from '../options/zixflow-options.interface';

/** Reads a tenant's Zixflow options (key, workspace, numbers…), e.g. from the app's database. */
export type ZixflowTenantResolver = (tenantId: string) => ZixflowModuleOptions | Promise<ZixflowModuleOptions>;

/** Options of `ZixflowTenantsModule`, given to `forRoot` or produced by `forRootAsync`. */
export interface ZixflowTenantsModuleOptions {
  /**
   * Returns the options of a tenant, as `ZixflowModule.forRoot` takes them; they are checked the
   * same way. Called once per tenant until its service expires or is evicted; a rejection reaches
   * the caller of `forTenant` and is not cached.
   */
  resolve: ZixflowTenantResolver;
  /** Most tenant services kept at once; the least recently used one is closed first. Default 100. */
  maxTenants?: number;
  /** How long a tenant's service (and so its credentials) is kept, in ms from its creation. Default 15 minutes. */
  ttlMs?: number;
}

/** Implemented by a class given to `forRootAsync({ useClass })` or `forRootAsync({ useExisting })`. */
export interface ZixflowTenantsOptionsFactory {
  /** Returns the tenants options. */
  createZixflowTenantsOptions(): ZixflowTenantsModuleOptions | Promise<ZixflowTenantsModuleOptions>;
}

/** The options after checking, with defaults applied. Internal. */
export interface ResolvedZixflowTenantsOptions {
  resolve: ZixflowTenantResolver;
  maxTenants: number;
  ttlMs: number;
}

/** How `ZixflowTenantsModule` is named in its messages. */
export const ZIXFLOW_TENANTS_OPTIONS_OWNER: OptionOwner = {
  name: 'ZixflowTenantsModule',
  config: 'ZixflowTenantsModule.forRootAsync',
  extras: ['isGlobal'],
};

const FIELDS = {
  resolve: fn<ZixflowTenantResolver>().required('a function (tenantId) => options'),
  maxTenants: wholeNumber({ min: 1 }).default(100),
  ttlMs: durationMs(1).default(15 * 60 * 1000),
} as const satisfies OptionShapeOf<ZixflowTenantsModuleOptions>;

/** Checks the options once, at start-up, with the toolkit every module uses. */
export function resolveZixflowTenantsOptions(options: ZixflowTenantsModuleOptions): ResolvedZixflowTenantsOptions {
  return resolveOptions(ZIXFLOW_TENANTS_OPTIONS_OWNER, FIELDS, options);
}
