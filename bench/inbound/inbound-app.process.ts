/*
 * One web app under test for the inbound benchmark, in a process of its own: a bare Nest route
 * (the baseline), the webhook module in memory, or the webhook module on the durable Redis
 * pipeline. Each listens on 127.0.0.1 with Nest's default Express app and body parser, and tells
 * the parent, on request, how many messages its handler saw and how long after their POST.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Injectable, Module, Post, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ZixflowRedisInbound, ZixflowRedisModule } from '../../src/zixflow/redis';
import { OnWhatsappMessage, ZixflowIncomingMessage, ZixflowWebhooksModule } from '../../src/zixflow/webhooks';
import { failChild, serveParent } from '../common/child-process';
import { monotonicMs } from '../common/stats';

/** Which app this process runs. */
export type InboundAppMode = 'bare' | 'memory' | 'redis';

/** What the parent passes in `BENCH_INBOUND_APP`. */
export interface InboundAppConfig {
  mode: InboundAppMode;
  secret: string;
  redisUrl?: string;
  prefix?: string;
}

/** What `handled` answers: messages handled and their webhook-to-handler times since the last ask. */
export interface HandledReport {
  handled: number;
  latenciesMs: number[];
}

/** Commands the parent sends. */
export type InboundAppCommand = { command: 'handled' } | { command: 'waitHandled'; count: number };

const config = JSON.parse(process.env.BENCH_INBOUND_APP ?? '{}') as InboundAppConfig;

/** The baseline: the same path, the same parser, the same answer, nothing else. */
@Controller('zixflow/webhooks')
class BareWebhookController {
  @Post('incoming')
  @HttpCode(200)
  receive(@Body() _body: unknown): { received: boolean } {
    return { received: true };
  }
}

/** A trivial handler: counts, and notes how long after its POST (`benchSentAtMs`) the message arrived. */
@Injectable()
class TrivialHandler {
  handled = 0;
  latenciesMs: number[] = [];

  @OnWhatsappMessage()
  onMessage(message: ZixflowIncomingMessage): void {
    this.handled += 1;
    const sentAt = message.raw.benchSentAtMs;
    if (typeof sentAt === 'number') {
      this.latenciesMs.push(monotonicMs() - sentAt);
    }
  }
}

function webhookImports(): DynamicModule[] {
  if (config.mode === 'memory') {
    return [EventEmitterModule.forRoot(), ZixflowWebhooksModule.forRoot({ secret: config.secret })];
  }
  return [
    EventEmitterModule.forRoot(),
    ZixflowRedisModule.forRoot({ connection: config.redisUrl ?? '', prefix: config.prefix }),
    ZixflowWebhooksModule.forRootAsync({
      inject: [ZixflowRedisInbound],
      useFactory: (inbound: ZixflowRedisInbound) => ({ secret: config.secret, inbound }),
    }),
  ];
}

@Module({})
class InboundAppModule {
  static build(): DynamicModule {
    return config.mode === 'bare'
      ? { module: InboundAppModule, controllers: [BareWebhookController] }
      : { module: InboundAppModule, imports: webhookImports(), providers: [TrivialHandler] };
  }
}

async function main(): Promise<void> {
  const app = await NestFactory.create(InboundAppModule.build(), { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const handler = config.mode === 'bare' ? undefined : app.get(TrivialHandler);
  const report = (): HandledReport => {
    const answer = { handled: handler?.handled ?? 0, latenciesMs: handler?.latenciesMs ?? [] };
    if (handler !== undefined) {
      handler.handled = 0;
      handler.latenciesMs = [];
    }
    return answer;
  };
  const waitHandled = async (count: number): Promise<HandledReport> => {
    const deadline = Date.now() + 60_000;
    while (handler !== undefined && handler.handled < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return report();
  };
  serveParent(
    { port },
    (command: InboundAppCommand) => (command.command === 'handled' ? report() : waitHandled(command.count)),
    () => app.close(),
  );
}

main().catch(failChild(`inbound app (${config.mode})`));
