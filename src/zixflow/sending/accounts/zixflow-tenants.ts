import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowError } from '../../core/errors/zixflow.error';
import type { ZixflowWhatsappService } from '../zixflow-whatsapp.service';
import { createZixflowService, StandaloneZixflowService } from './create-zixflow-service';
import { checkZixflowAccountName } from './zixflow-account-name';
import { ZIXFLOW_TENANTS_RESOLVED_OPTIONS } from './zixflow-tenants.constants';
import type { ResolvedZixflowTenantsOptions } from './zixflow-tenants-options';

interface TenantEntry {
  built: Promise<StandaloneZixflowService>;
  expiresAt: number;
}

/**
 * A {@link ZixflowWhatsappService} per tenant, built from the options the app's `resolve` returns and
 * checked exactly as a `ZixflowModule` registration's. Services are cached: at most `maxTenants`
 * (the least recently used is closed first), each for `ttlMs` after it was built, so changed
 * credentials are read again. An evicted service is closed once its last request could have timed
 * out; all are closed on application shutdown. Each tenant has its own HTTP client, auth headers,
 * pacing and redaction: one tenant's key never reaches another's request, error or log line.
 */
@Injectable()
export class ZixflowTenants implements OnApplicationShutdown {
  private readonly logger = new Logger('ZixflowTenants');
  private readonly entries = new Map<string, TenantEntry>();
  private readonly closing = new Set<{ timer: NodeJS.Timeout; close: () => void }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(@Inject(ZIXFLOW_TENANTS_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowTenantsOptions) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), Math.min(options.ttlMs, 60_000)).unref();
  }

  /**
   * The service of `tenantId`, built on first use. Rejects with the resolver's error, or with a
   * `ZixflowConfigurationError` naming the tenant and the option when its options are unusable.
   */
  async forTenant(tenantId: string): Promise<ZixflowWhatsappService> {
    const id = checkZixflowAccountName(tenantId, 'ZixflowTenants: the tenant id');
    const now = Date.now();
    this.sweep(now);
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = { built: this.build(id), expiresAt: now + this.options.ttlMs };
      entry.built.catch(() => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      });
    } else {
      this.entries.delete(id);
    }
    // Re-inserted last: the Map's order is the least recently used first.
    this.entries.set(id, entry);
    this.evictOverBound();
    return (await entry.built).service;
  }

  /** How many tenant services are cached now. */
  get size(): number {
    return this.entries.size;
  }

  /** Closes every tenant's connections. */
  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    for (const [id, entry] of this.entries) this.retire(id, entry, false);
    this.entries.clear();
    for (const pending of this.closing) {
      clearTimeout(pending.timer);
      pending.close();
    }
    this.closing.clear();
  }

  private async build(id: string): Promise<StandaloneZixflowService> {
    const options = await this.options.resolve(id);
    try {
      const built = createZixflowService(options);
      this.logger.debug(`Built the Zixflow service of tenant ${id}`);
      return built;
    } catch (error) {
      // The same check and message as a registration's, which never holds a secret's value.
      if (error instanceof ZixflowError) throw new ZixflowConfigurationError(`Tenant ${id}: ${error.message}`);
      throw error;
    }
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(id);
        this.retire(id, entry, true);
      }
    }
  }

  private evictOverBound(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.options.maxTenants) return;
      this.entries.delete(id);
      this.retire(id, entry, true);
    }
  }

  /** Closes a service no longer cached; with `later`, after the sends it may still run could time out. */
  private retire(id: string, entry: TenantEntry, later: boolean): void {
    entry.built.then(
      (built) => {
        if (!later) return built.close();
        const pending = {
          close: built.close,
          timer: setTimeout(() => {
            this.closing.delete(pending);
            built.close();
          }, built.timeoutMs).unref(),
        };
        this.closing.add(pending);
        this.logger.debug(`Closing the Zixflow service of tenant ${id}`);
      },
      () => undefined,
    );
  }
}
