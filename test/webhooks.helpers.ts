import { AbstractHttpAdapter } from '@nestjs/core';
import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { request as httpRequest } from 'node:http';
import { ZixflowModule } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  ZixflowWebhooksModule,
  ZixflowWebhooksModuleExtras,
  ZixflowWebhooksModuleOptions,
} from '../src/zixflow/webhooks';
import { RecordingLogger } from './recording-logger';
import { EchoBot, RecordingHandlers } from './webhooks.handlers';

export const SECRET = 'whsec_9f8e7d6c5b4a39281706';
export const CUSTOMER = '+1 302 389 5111';
export const CUSTOMER_DIGITS = '13023895111';
export const INCOMING = '/zixflow/webhooks/incoming';
export const REPORTS = '/zixflow/webhooks/reports';

/** The HTTP platforms the module supports; every webhook e2e suite runs once per entry. */
export type WebhookAdapterName = 'Express' | 'Fastify';

/** For `describe.each`: the suites build a fresh adapter per application, so only names travel. */
export const WEBHOOK_ADAPTERS: WebhookAdapterName[] = ['Express', 'Fastify'];

export interface WebhookApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>`: tests talk real HTTP to it, as Zixflow does. */
  url: string;
  handlers: RecordingHandlers;
  logger: RecordingLogger;
}

export interface AppSetup {
  webhooks?: Partial<ZixflowWebhooksModuleOptions> & ZixflowWebhooksModuleExtras;
  nest?: NestApplicationOptions;
  /**
   * Raises the app's own JSON parser limit, the way each platform does it: `useBodyParser('json')`
   * on Express, the adapter's `bodyLimit` on Fastify.
   */
  parserLimitBytes?: number;
}

function createAdapter(name: WebhookAdapterName, setup: AppSetup): AbstractHttpAdapter {
  if (name === 'Fastify') {
    return new FastifyAdapter(setup.parserLimitBytes === undefined ? {} : { bodyLimit: setup.parserLimitBytes });
  }
  return new ExpressAdapter();
}

/** An app with the sending and webhook modules, listening on 127.0.0.1 on a free port. */
export async function startApp(
  adapterName: WebhookAdapterName,
  sandbox: ZixflowSandbox,
  setup: AppSetup = {},
): Promise<WebhookApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url }),
      ZixflowWebhooksModule.forRoot({ secret: SECRET, ...setup.webhooks }),
    ],
    providers: [RecordingHandlers, EchoBot],
  }).compile();
  const logger = new RecordingLogger();
  const app = moduleRef.createNestApplication(createAdapter(adapterName, setup), { logger, ...setup.nest });
  if (app.getHttpAdapter().getType() !== adapterName.toLowerCase()) {
    throw new Error(`Expected a ${adapterName} application, got ${app.getHttpAdapter().getType()}`);
  }
  if (adapterName === 'Express' && setup.parserLimitBytes !== undefined) {
    (app as NestExpressApplication).useBodyParser('json', { limit: setup.parserLimitBytes });
  }
  await app.init();
  if (adapterName === 'Fastify') {
    // Fastify registers routes and content parsers lazily; ready() settles them before the first request.
    await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  }
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), handlers: app.get(RecordingHandlers), logger };
}

export async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Long enough for anything that was going to be emitted to have been. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 150));

export interface RawAnswer {
  status: number;
  /** The answer parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

/**
 * A POST through Node's own client, for what supertest cannot send: a chunked upload (no
 * Content-Length, so the size is only known by reading) or a body without a Content-Type.
 */
export function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  { chunked = false }: { chunked?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: chunked ? headers : { ...headers, 'content-length': String(bytes.length) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON: the text is the answer.
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    for (let offset = 0; offset < bytes.length; offset += 1024) req.write(bytes.subarray(offset, offset + 1024));
    req.end();
  });
}

export function documentedPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event: 'incoming.whatsapp.message',
    eventId: 'a3c0f1de-6a8e-4c2b-9a57-0c1f2e3d4b5a',
    timestamp: 1744346001738,
    phoneId: '104898309288724',
    wabaId: '102290129340398',
    messageId: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgg',
    sender: { name: 'John Doe', number: CUSTOMER_DIGITS },
    message: { type: 'text', text: { body: 'Hi' } },
    ...overrides,
  };
}

/**
 * `{"a":{"a":…1…}}` with `levels` objects, written as text: building it as a value and calling
 * JSON.stringify would itself run out of stack, which is the very failure under test.
 */
export function nestedObjectJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A documented incoming message whose `extra` field holds `levels - 1` nested arrays (the body is level 1). */
export function payloadOfDepthJson(levels: number): string {
  const text = JSON.stringify(documentedPayload({ eventId: `depth-${levels}`, extra: '@' }));
  return text.replace('"@"', `${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}`);
}
