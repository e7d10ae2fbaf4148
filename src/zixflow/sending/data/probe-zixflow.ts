import { ZixflowApiError, ZixflowAuthError } from '../../core/errors/zixflow-api.error';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import type { ZixflowWhatsappService } from '../zixflow-whatsapp.service';

/** The campaign API is asked about this template: no workspace has it, so only the key's acceptance counts. */
export const ZIXFLOW_PROBE_TEMPLATE = { templateName: 'nestjs_zixflow_health_probe', language: 'en' } as const;

/** What one look at Zixflow found: up with what it learnt, or down with a sentence for the operator. */
export type ZixflowProbeOutcome = { up: true; details: Record<string, unknown> } | { up: false; message: string };

/** The error as `Class: message`: the library's messages never hold the key or another secret. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One cheap authenticated request through the service. On the AI API, the accounts endpoint
 * (`listAccounts`). On the campaign API, which documents no such endpoint, the variable keys of a
 * probe template: any answer but 401 means the key was accepted (a 4xx there only says the template
 * is unknown). A refused key, an unreachable host, a time-out or a 5xx is down.
 */
export async function probeZixflow(
  whatsapp: Pick<ZixflowWhatsappService, 'listAccounts' | 'getTemplateVariables'>,
  template: { templateName: string; language: string; phoneId?: string },
): Promise<ZixflowProbeOutcome> {
  try {
    const accounts = await whatsapp.listAccounts();
    return { up: true, details: { api: 'ai', accounts: accounts.length } };
  } catch (error) {
    if (!(error instanceof ZixflowConfigurationError)) return down(error);
    // The campaign API: refused before the network, so fall through to its own probe.
  }
  try {
    await whatsapp.getTemplateVariables(template);
    return { up: true, details: { api: 'campaign' } };
  } catch (error) {
    if (error instanceof ZixflowApiError && !(error instanceof ZixflowAuthError) && isClientError(error.status)) {
      return { up: true, details: { api: 'campaign' } };
    }
    return down(error);
  }
}

function isClientError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429;
}

function down(error: unknown): ZixflowProbeOutcome {
  return { up: false, message: probeFailure(error) };
}

/** Why a look at Zixflow failed, as a sentence for the operator; a refused key is named as such. */
export function probeFailure(error: unknown): string {
  if (error instanceof ZixflowAuthError) {
    return `Zixflow refused the API key (ZIXFLOW_API_KEY): ${describe(error)}`;
  }
  return describe(error);
}
