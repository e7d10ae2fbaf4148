import { INestApplication, Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { ZixflowModule } from '../src/zixflow';
import { Ctx, Hears, ZixflowBot, ZixflowBotContext, ZixflowBotModule } from '../src/zixflow/bot';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  ZixflowDeliveryReport,
  ZixflowEvents,
  ZixflowIncomingMessage,
  ZixflowWebhooksModule,
} from '../src/zixflow/webhooks';
import { RecordingLogger } from './recording-logger';

/*
 * One sandbox serving two Zixflow accounts (the default on the campaign API, brand-b on the AI
 * API) and one real Nest app holding both, with a webhook route and secret per account and a bot
 * that says which account it answered for. Shared by the sandbox-accounts e2e and browser specs.
 */

/** The default account: the campaign API. */
export const MAIN = { apiKey: 'zx-main-key-3f9a0c7e51', webhookSecret: 'whsec-main-0123456789abcdef' };
/** brand-b: the AI API, its own key, workspace and webhook secret. */
export const BRAND_B = {
  name: 'brand-b',
  apiKey: 'zx-brand-b-key-8d2e6b14c0',
  workspaceId: 'ws-brand-b-5e71',
  webhookSecret: 'whsec-brand-b-fedcba9876543210',
};
/** Every credential of both accounts: none may show where it does not belong. */
export const ALL_SECRETS = [
  MAIN.apiKey,
  MAIN.webhookSecret,
  BRAND_B.apiKey,
  BRAND_B.workspaceId,
  BRAND_B.webhookSecret,
];

/** Answers "hi" naming the account the message came in on, so a test sees which service replied. */
@ZixflowBot()
@Injectable()
class AccountEchoBot {
  @Hears('hi')
  hi(@Ctx() ctx: ZixflowBotContext): string {
    return `hello from ${ctx.message.account ?? 'the default account'}`;
  }
}

/** The running pieces of one test: the sandbox, the app, and what the app heard. */
export interface AccountsWorld {
  sandbox: ZixflowSandbox;
  app: INestApplication;
  url: string;
  logger: RecordingLogger;
  messages: ZixflowIncomingMessage[];
  reports: ZixflowDeliveryReport[];
  close(): Promise<void>;
}

/** Starts the sandbox with brand-b beside the default account, and the app on both, connected per account. */
export async function startAccountsWorld(): Promise<AccountsWorld> {
  const sandbox = await ZixflowSandbox.start({
    apiKey: MAIN.apiKey,
    deliveryReports: { delayMs: 5 },
    zixflowAccounts: [{ name: BRAND_B.name, apiKey: BRAND_B.apiKey, workspaceId: BRAND_B.workspaceId }],
  });
  const brandB = sandbox.zixflowAccounts[1];
  const logger = new RecordingLogger();
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ZixflowModule.forRoot({
          apiKey: MAIN.apiKey,
          baseUrl: sandbox.url,
          defaultPhoneId: sandbox.phoneId,
          retry: false,
        }),
        ZixflowModule.forRoot({
          name: BRAND_B.name,
          api: 'ai',
          apiKey: BRAND_B.apiKey,
          workspaceId: BRAND_B.workspaceId,
          baseUrl: sandbox.url,
          defaultPhoneId: brandB.phoneId,
          retry: false,
        }),
        ZixflowWebhooksModule.forRoot({
          secret: MAIN.webhookSecret,
          accounts: { [BRAND_B.name]: { secret: BRAND_B.webhookSecret } },
        }),
        ZixflowBotModule.forRoot({ apologyMessage: false }),
      ],
      providers: [AccountEchoBot],
    })
      .setLogger(logger)
      .compile();
    const app = moduleRef.createNestApplication({ logger });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const messages: ZixflowIncomingMessage[] = [];
    const reports: ZixflowDeliveryReport[] = [];
    const events = app.get(EventEmitter2);
    events.on(ZixflowEvents.MessageReceived, (message: ZixflowIncomingMessage) => messages.push(message));
    events.on(ZixflowEvents.DeliveryReport, (report: ZixflowDeliveryReport) => reports.push(report));
    sandbox.connectApp({ incomingUrl: `${url}/zixflow/webhooks/incoming`, secret: MAIN.webhookSecret });
    sandbox.connectApp({
      account: BRAND_B.name,
      incomingUrl: `${url}/zixflow/webhooks/${BRAND_B.name}/incoming`,
      secret: BRAND_B.webhookSecret,
    });
    const close = async (): Promise<void> => {
      await app.close();
      await sandbox.stop();
    };
    return { sandbox, app, url, logger, messages, reports, close };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

/** Polls instead of sleeping a fixed time, so a slow machine does not make the tests flaky. */
export async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
