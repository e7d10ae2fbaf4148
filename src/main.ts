import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { ExampleLogger } from './example-logger';
import { listenFailure, portFrom, portProblem } from './listen-failure';
import { sandboxBanner } from './sandbox-mode/sandbox-mode.banner';
import { SANDBOX_PHONE_ID } from './sandbox-mode/start-sandbox-mode';
import { ZixflowSandboxMode } from './zixflow/testing';
import { ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER, ZIXFLOW_WEBHOOKS_DEFAULT_PATH } from './zixflow/webhooks';

/**
 * Boots the example app. Without `ZIXFLOW_API_KEY` an embedded Zixflow sandbox is started first
 * and the `ZIXFLOW_*` variables are pointed at it, so a fresh clone sends its first message with
 * zero credentials and nothing leaves the machine. It logs what a person needs: the banner, then
 * warnings and errors (`LOG_LEVEL=debug` shows Nest's start-up lines and debug lines too). A port
 * that cannot be used is one line naming `PORT`, and exit code 1.
 */
async function bootstrap(): Promise<void> {
  const logger = new ExampleLogger();
  Logger.overrideLogger(logger);
  const port = portFrom(process.env.PORT);
  if (typeof port === 'string') {
    return fail(port);
  }
  const busy = await portProblem(port);
  if (busy !== undefined) {
    return fail(busy);
  }
  // The library's one-line sandbox mode; the example prints its own, longer banner below.
  const sandbox = await ZixflowSandboxMode.start({ port, phoneId: SANDBOX_PHONE_ID, log: false });
  const app = await NestFactory.create(AppModule.forRoot({ sandbox }), { logger, forceCloseConnections: true });
  configureApp(app);
  // Ctrl-C / SIGTERM close the app, its sandbox and open connections, then exit by that signal.
  app.enableShutdownHooks();
  try {
    await app.listen(port);
  } catch (error) {
    await app.close();
    return fail(listenFailure(port, error));
  }
  const banner = sandbox ? sandboxBanner(port, sandbox) : liveBanner(port);
  new Logger('Example').log(banner);
}

/** One line saying what is wrong, and exit code 1 once everything started so far is closed. */
function fail(reason: string): void {
  new Logger('Example').error(reason);
  process.exitCode = 1;
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
