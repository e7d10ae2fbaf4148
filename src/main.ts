import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { sandboxBanner } from './sandbox-mode/sandbox-mode.banner';
import { startSandboxMode } from './sandbox-mode/start-sandbox-mode';
import { ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER, ZIXFLOW_WEBHOOKS_DEFAULT_PATH } from './zixflow/webhooks';

/**
 * Boots the example app. Without `ZIXFLOW_API_KEY` an embedded Zixflow sandbox is started first
 * and the `ZIXFLOW_*` variables are pointed at it, so a fresh clone sends its first message with
 * zero credentials and nothing leaves the machine.
 */
async function bootstrap(): Promise<void> {
  const sandbox = process.env.ZIXFLOW_API_KEY?.trim() ? undefined : await startSandboxMode();
  const app = await NestFactory.create(AppModule.forRoot({ sandbox }), { forceCloseConnections: true });
  configureApp(app);
  // Ctrl-C / SIGTERM close the app, its sandbox and open connections, then exit by that signal.
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  const banner = sandbox ? sandboxBanner(port, sandbox) : liveBanner(port);
  new Logger('Example').log(banner);
}

function liveBanner(port: number): string {
  const sending = `Example app on http://localhost:${port} sending through Zixflow (${process.env.ZIXFLOW_BASE_URL ?? 'https://api.zixflow.com'}). API page: http://localhost:${port}/docs`;
  // Read after start-up, so a secret from a .env file counts too; the secret itself is never printed.
  const webhooks = process.env.ZIXFLOW_WEBHOOK_SECRET
    ? `Webhooks: point Zixflow's incoming-message webhook at https://<public host>/${ZIXFLOW_WEBHOOKS_DEFAULT_PATH}/incoming with the ${ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER} header; reportURL: /${ZIXFLOW_WEBHOOKS_DEFAULT_PATH}/reports?token=<secret>`
    : 'Webhooks are off (ZIXFLOW_WEBHOOK_SECRET is not set): the support bot does not receive messages.';
  return `${sending}\n${webhooks}`;
}

void bootstrap();
