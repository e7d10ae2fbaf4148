import { ConfigurableModuleBuilder, Module } from '@nestjs/common';
import { ZixflowTenants } from './zixflow-tenants';
import { ZIXFLOW_TENANTS_RESOLVED_OPTIONS } from './zixflow-tenants.constants';
import { resolveZixflowTenantsOptions, ZixflowTenantsModuleOptions } from './zixflow-tenants-options';

/** The generated module base class and the token of the options as given. */
export const {
  ConfigurableModuleClass: ZixflowTenantsConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_TENANTS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<ZixflowTenantsModuleOptions>({ moduleName: 'ZixflowTenants' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowTenantsOptions')
  .setExtras<{ isGlobal?: boolean }>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/**
 * Per-tenant Zixflow credentials: `ZixflowTenantsModule.forRoot({ resolve: async (tenantId) => options })`
 * provides {@link ZixflowTenants}, whose `forTenant(id)` returns that tenant's service. Webhooks, bot
 * replies and queue jobs of an account that is not a named registration go through it.
 */
@Module({
  providers: [
    {
      provide: ZIXFLOW_TENANTS_RESOLVED_OPTIONS,
      useFactory: resolveZixflowTenantsOptions,
      inject: [ZIXFLOW_TENANTS_MODULE_OPTIONS],
    },
    ZixflowTenants,
  ],
  exports: [ZixflowTenants],
})
export class ZixflowTenantsModule extends ZixflowTenantsConfigurableModuleClass {}
