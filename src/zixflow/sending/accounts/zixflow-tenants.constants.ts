/** Injection token of the checked `ZixflowTenantsModule` options. Internal. */
export const ZIXFLOW_TENANTS_RESOLVED_OPTIONS = Symbol('ZIXFLOW_TENANTS_RESOLVED_OPTIONS');
