import { createZixflowHttpService, destroyZixflowHttpService } from '../delivery/http/create-zixflow-axios';
import { ZixflowHttpTransport } from '../delivery/http/zixflow-http.transport';
import { ZixflowPacer } from '../delivery/pacing/zixflow-pacer';
import { ZixflowDelivery } from '../delivery/zixflow-delivery';
import { ZixflowDataReader } from '../data/zixflow-data.reader';
import type { ZixflowModuleOptions } from '../options/zixflow-options.interface';
import { resolveZixflowOptions } from '../options/zixflow-options.schema';
import { ZixflowTemplateVariablesReader } from '../templates/zixflow-template-variables.reader';
import { ZixflowWhatsappService } from '../zixflow-whatsapp.service';

/** A service built outside Nest's container, and what frees its connections. */
export interface StandaloneZixflowService {
  service: ZixflowWhatsappService;
  /** Most a request of this service can take: closing later never cuts one short. */
  timeoutMs: number;
  close(): void;
}

/**
 * Builds one service from its options: checked (a `ZixflowConfigurationError` naming the option,
 * never a secret), then its own HTTP client (its own auth headers), its own pacer (pacing per
 * account and phone id) and its own template cache. `ZixflowModule` builds each registration's
 * service here, inside the service's own provider, so overriding that provider in a test replaces
 * everything and checks no option; `ZixflowTenants` builds each tenant's.
 */
export function createZixflowService(options: ZixflowModuleOptions): StandaloneZixflowService {
  const resolved = resolveZixflowOptions(options);
  const http = createZixflowHttpService(resolved);
  const close = (): void => destroyZixflowHttpService(http);
  const transport = new ZixflowHttpTransport(http, resolved);
  const delivery = new ZixflowDelivery(transport, new ZixflowPacer(resolved), resolved);
  const service = new ZixflowWhatsappService(
    delivery,
    resolved,
    new ZixflowTemplateVariablesReader(transport, resolved),
    new ZixflowDataReader(transport, resolved),
    close,
  );
  return { service, timeoutMs: resolved.timeoutMs, close };
}
