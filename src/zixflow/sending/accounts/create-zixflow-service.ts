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
 * Builds what `ZixflowModule` provides, from the same parts and the same option check, for one
 * tenant: its own HTTP client (its own auth headers), its own pacer (pacing per account and phone
 * id) and its own template cache. Throws the same `ZixflowConfigurationError` as a registration.
 */
export function createZixflowService(options: ZixflowModuleOptions): StandaloneZixflowService {
  const resolved = resolveZixflowOptions(options);
  const http = createZixflowHttpService(resolved);
  const transport = new ZixflowHttpTransport(http, resolved);
  const delivery = new ZixflowDelivery(transport, new ZixflowPacer(resolved), resolved);
  const service = new ZixflowWhatsappService(
    delivery,
    resolved,
    new ZixflowTemplateVariablesReader(transport, resolved),
    new ZixflowDataReader(transport, resolved),
  );
  return { service, timeoutMs: resolved.timeoutMs, close: () => destroyZixflowHttpService(http) };
}
