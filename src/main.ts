import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { startSandboxMode } from './sandbox-mode/start-sandbox-mode';

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
  const banner = sandbox ? sandboxBanner(port, sandbox.url) : liveBanner(port);
  new Logger('Example').log(banner);
}

function liveBanner(port: number): string {
  return `Example app on http://localhost:${port} sending through Zixflow (${process.env.ZIXFLOW_BASE_URL ?? 'https://api.zixflow.com'}). API page: http://localhost:${port}/docs`;
}

function sandboxBanner(port: number, sandboxUrl: string): string {
  const base = `http://localhost:${port}`;
  return [
    '',
    '==================== SANDBOX MODE ====================',
    `ZIXFLOW_API_KEY is not set: messages go to an embedded Zixflow sandbox at ${sandboxUrl}.`,
    'Nothing leaves this machine. Set ZIXFLOW_API_KEY and ZIXFLOW_PHONE_ID to use the real API.',
    `API page:        ${base}/docs`,
    `Sent messages:   ${base}/sandbox/messages`,
    'Try:',
    `  curl -s -X POST ${base}/messages/video -H 'content-type: application/json' -d '{"to":"+1 302 389 5111","video":{"link":"https://cdn.example.com/welcome.mp4","caption":"Welcome!"}}'`,
    `  curl -s -X POST ${base}/orders/1001/ship`,
    '=======================================================',
  ].join('\n');
}

void bootstrap();
