import type { Logger } from '@nestjs/common';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import type { ZixflowWhatsappService } from '../zixflow-whatsapp.service';
import type { ZixflowStartupCheck } from '../options/zixflow-options.interface';
import type { ZixflowAccount } from './zixflow-data.types';
import { probeFailure, probeZixflow, ZIXFLOW_PROBE_TEMPLATE } from './probe-zixflow';

/** What the start-up check needs of the options: which API, and the phone id sends default to. */
export interface CredentialsCheckSettings {
  api: 'campaign' | 'ai';
  defaultPhoneId: string | undefined;
}

/** The start-up check's verdict: a line for the log, or the sentence that stops (or warns) the app. */
type CredentialsCheckOutcome = { ok: true; summary: string } | { ok: false; problem: string };

/**
 * One look at Zixflow with the configured credentials, for `startupCheck`. On the AI API, the
 * accounts endpoint answers for the key and the workspace id at once, and lists the workspace's
 * numbers, so `defaultPhoneId` is checked against them. The campaign API documents no such
 * endpoint: the key is checked through one cheap authenticated read (as the health check does),
 * and the phone id cannot be, which the summary says. Messages never hold a key (the library's
 * errors are redacted), only which variable to look at.
 */
async function checkCredentialsAtStart(
  whatsapp: Pick<ZixflowWhatsappService, 'listAccounts' | 'getTemplateVariables'>,
  settings: CredentialsCheckSettings,
): Promise<CredentialsCheckOutcome> {
  if (settings.api === 'ai') return checkAiCredentials(whatsapp.listAccounts.bind(whatsapp), settings.defaultPhoneId);
  // Without a phone id the read is refused before the network; any id reaches Zixflow's key check.
  const probe = await probeZixflow(whatsapp, {
    ...ZIXFLOW_PROBE_TEMPLATE,
    phoneId: settings.defaultPhoneId ?? 'nestjs-zixflow-startup-check',
  });
  if (!probe.up) return { ok: false, problem: probe.message };
  return {
    ok: true,
    summary: 'campaign API: the key was accepted (the campaign API has no way to check ZIXFLOW_PHONE_ID)',
  };
}

async function checkAiCredentials(
  listAccounts: () => Promise<ZixflowAccount[]>,
  phoneId: string | undefined,
): Promise<CredentialsCheckOutcome> {
  let accounts: ZixflowAccount[];
  try {
    accounts = await listAccounts();
  } catch (error) {
    return { ok: false, problem: `${probeFailure(error)} (check ZIXFLOW_API_KEY and ZIXFLOW_WORKSPACE_ID)` };
  }
  const numbers = `${accounts.length} WhatsApp number${accounts.length === 1 ? '' : 's'}`;
  if (phoneId === undefined) return { ok: true, summary: `AI API: the key and workspace were accepted (${numbers})` };
  if (accounts.some((account) => account.phoneId === phoneId)) {
    return {
      ok: true,
      summary: `AI API: the key and workspace were accepted, and ZIXFLOW_PHONE_ID is one of its ${numbers}`,
    };
  }
  return {
    ok: false,
    problem: `ZIXFLOW_PHONE_ID ${phoneId} is not a WhatsApp number of this workspace; its phone ids: ${describeAccounts(accounts)}`,
  };
}

function describeAccounts(accounts: readonly ZixflowAccount[]): string {
  if (accounts.length === 0) return 'none (connect a number in Zixflow first)';
  return accounts
    .map((account) =>
      account.displayPhoneNumber === undefined ? account.phoneId : `${account.phoneId} (${account.displayPhoneNumber})`,
    )
    .join(', ');
}

/**
 * `startupCheck` as the service runs it at start-up: nothing when `'off'`; else one look, logged
 * when it passes, and when it fails a thrown `ZixflowConfigurationError` (`'fail'`) or a warning
 * (`'warn'`).
 */
export async function runStartupCheck(
  whatsapp: Pick<ZixflowWhatsappService, 'listAccounts' | 'getTemplateVariables'>,
  settings: CredentialsCheckSettings & { startupCheck: ZixflowStartupCheck },
  logger: Pick<Logger, 'log' | 'warn'>,
): Promise<void> {
  if (settings.startupCheck === 'off') return;
  const outcome = await checkCredentialsAtStart(whatsapp, settings);
  if (outcome.ok) {
    logger.log(`Start-up check passed: ${outcome.summary}`);
  } else if (settings.startupCheck === 'fail') {
    throw new ZixflowConfigurationError(`Zixflow start-up check (startupCheck: 'fail'): ${outcome.problem}`);
  } else {
    logger.warn(`Start-up check failed (startupCheck: 'warn', starting anyway): ${outcome.problem}`);
  }
}
