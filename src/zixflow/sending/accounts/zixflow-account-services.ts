import type { ModuleRef } from '@nestjs/core';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZIXFLOW_REGISTRATION } from '../zixflow.constants';
import type { ZixflowWhatsappService } from '../zixflow-whatsapp.service';
import type { ZixflowRegistration } from './zixflow-registration.interface';
import { ZixflowTenants } from './zixflow-tenants';

/**
 * Finds the service of an account, wherever the app registered it: no account → the default
 * `ZixflowModule` registration; a name → the registration of that `name`, else the tenant of that id
 * through `ZixflowTenants`. What the webhooks, the bot and the queue worker send through. Internal.
 */
export class ZixflowAccountServices {
  private readonly named = new Map<string | undefined, ZixflowWhatsappService>();
  private readonly tenants: ZixflowTenants | undefined;

  /** Reads the registrations once: call it once the application's modules are instantiated. */
  constructor(moduleRef: ModuleRef) {
    for (const { name, service } of find<ZixflowRegistration>(moduleRef, ZIXFLOW_REGISTRATION)) {
      this.named.set(name, service);
    }
    this.tenants = find<ZixflowTenants>(moduleRef, ZixflowTenants)[0];
  }

  /** Whether the app registered any way to send. */
  get isEmpty(): boolean {
    return this.named.size === 0 && this.tenants === undefined;
  }

  /** The default registration's service, if there is one. */
  get defaultService(): ZixflowWhatsappService | undefined {
    return this.named.get(undefined);
  }

  /** The service of `account` (the default without one); rejects naming what to register. */
  async forAccount(account: string | undefined): Promise<ZixflowWhatsappService> {
    const service = this.named.get(account);
    if (service !== undefined) return service;
    if (account !== undefined && this.tenants !== undefined) return this.tenants.forTenant(account);
    throw new ZixflowConfigurationError(
      account === undefined
        ? 'No default Zixflow account: register ZixflowModule.forRoot() without a name.'
        : `No Zixflow account ${JSON.stringify(account)}: register ZixflowModule.forRoot({ name: ${JSON.stringify(account)}, … }) or ZixflowTenantsModule.`,
    );
  }
}

function find<T>(moduleRef: ModuleRef, token: symbol | (abstract new (...args: never[]) => T)): T[] {
  try {
    return moduleRef.get<T>(token as symbol, { strict: false, each: true });
  } catch {
    return [];
  }
}
