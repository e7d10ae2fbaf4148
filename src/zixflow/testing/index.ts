/*
 * Public entry point of `nestjs-zixflow/testing`. Kept separate from the main
 * entry so production bundles never pull in an HTTP server meant for tests.
 */

/** Local fake Zixflow API, so apps and tests can exercise the client without sending real (billed) WhatsApp messages. */
export { ZixflowSandbox } from './zixflow-sandbox';

/**
 * The checks the sandbox applies to send bodies, exported so a test can
 * validate a body it built without a round trip through HTTP.
 */
export { checkSessionMessageBody } from './checks/session-message.checks';
export { checkTemplateMessageBody } from './checks/template-message.checks';
/** The same for the AI API: a body and the send path it is posted to (`/api/ingest/whatsapp/v1/…/send`). */
export { checkAiSendBody } from './checks/ai-message.checks';

/** Shapes of the sandbox's options, recordings, scripts and conversations, needed to type test helpers around it. */
export type {
  SandboxApi,
  SandboxAppConnection,
  SandboxConversation,
  SandboxConversationEntry,
  SandboxIncomingEntry,
  SandboxIncomingOptions,
  SandboxMessageKind,
  SandboxMessageStatus,
  SandboxOutgoingEntry,
  SandboxRecordedRequest,
  SandboxReportDelivery,
  SandboxReportStatus,
  SandboxScriptedResponse,
  SandboxSentMessage,
  SandboxWebhookResult,
  SandboxWhatsappAccount,
  ZixflowSandboxOptions,
} from './zixflow-sandbox.types';

/** Several Zixflow accounts in one sandbox: the `zixflowAccounts` option, and what `sandbox.zixflowAccounts` tells of each. */
export type { SandboxAccountInfo, ZixflowSandboxAccountOptions } from './sandbox-accounts.types';

/** Templates a test registers so the sandbox serves their variable keys. */
export type { SandboxTemplate, SandboxTemplateVariable } from './sandbox-template-registry';

/** A conversation test harness for `nestjs-zixflow/bot`: your bot in a real app against the sandbox, with a fake clock. */
export { ZixflowBotTestbed } from './testbed/zixflow-bot-testbed';
export type { ZixflowBotTestbedOptions } from './testbed/zixflow-bot-testbed';
export { ZixflowBotTestChat } from './testbed/zixflow-bot-test-chat';
export type { ZixflowBotTestReply } from './testbed/zixflow-bot-test-chat';
export { ZixflowFakeClock } from './testbed/zixflow-fake-clock';

/** The real `ZixflowWhatsappService` against a sandbox in a Nest testing module, with no key, and assertions on what it sent. */
export { ZixflowTestingModule, zixflowTestingOptions } from './testbed/zixflow-testing.module';
export type { ZixflowTestingModuleOptions } from './testbed/zixflow-testing.module';
export { ZixflowTesting } from './testbed/zixflow-testing';

/** Sandbox mode for any app: one line in `main.ts` when there is no `ZIXFLOW_API_KEY`. */
export { ZixflowSandboxMode } from './sandbox-mode/zixflow-sandbox-mode';
export type { ZixflowSandboxModeOptions } from './sandbox-mode/zixflow-sandbox-mode';
