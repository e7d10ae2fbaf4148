/*
 * One instance of a bot app on Redis, in a process of its own, for the conversations benchmark:
 * wired as test/fixtures/bot-instance.process.ts is (durable inbound, Redis conversation store,
 * reply log and timers), sending its replies to the benchmark's recording fake Zixflow with an API
 * key of its own, so the fake can tell which instance sent each reply.
 */
import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ZixflowModule } from '../../src/zixflow';
import { Fallback, ZixflowBot, ZixflowBotContext, ZixflowBotModule } from '../../src/zixflow/bot';
import { ZixflowRedisModule, zixflowRedisBotOptions, zixflowRedisWebhooksOptions } from '../../src/zixflow/redis';
import { ZixflowWebhooksModule } from '../../src/zixflow/webhooks';
import { failChild, serveParent } from '../common/child-process';

/** What the parent passes in `BENCH_BOT_INSTANCE`. */
export interface BenchBotInstanceConfig {
  apiKey: string;
  baseUrl: string;
  phoneId: string;
  secret: string;
  redisUrl: string;
  prefix: string;
  leaseMs: number;
  /** The inbound workers' idle poll; the library's default (50 ms) when absent. */
  pollMs?: number;
}

const config = JSON.parse(process.env.BENCH_BOT_INSTANCE ?? '{}') as BenchBotInstanceConfig;

/**
 * Numbers every turn, so a turn lost, doubled or out of order shows in the replies. A text
 * starting `slow:<ms>` makes the turn take that long, so a SIGKILL catches turns in flight.
 */
@ZixflowBot()
@Injectable()
class CountingBot {
  @Fallback()
  async answer(ctx: ZixflowBotContext<{ turns?: number }>): Promise<string> {
    const slow = /^slow:(\d+)/.exec(ctx.text ?? '');
    if (slow !== null) {
      await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
    }
    ctx.session.turns = (ctx.session.turns ?? 0) + 1;
    return `turn ${ctx.session.turns}: ${ctx.text ?? ''}`;
  }
}

@Module({
  imports: [
    EventEmitterModule.forRoot(),
    ZixflowModule.forRoot({
      apiKey: config.apiKey,
      baseUrl: config.baseUrl,
      defaultPhoneId: config.phoneId,
      isGlobal: true,
    }),
    ZixflowRedisModule.forRoot({
      connection: config.redisUrl,
      prefix: config.prefix,
      inbound: { leaseMs: config.leaseMs, ...(config.pollMs === undefined ? {} : { pollMs: config.pollMs }) },
    }),
    ZixflowWebhooksModule.forRootAsync(zixflowRedisWebhooksOptions({ secret: config.secret })),
    ZixflowBotModule.forRootAsync(zixflowRedisBotOptions()),
  ],
  providers: [CountingBot],
})
class BenchBotInstanceModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BenchBotInstanceModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  serveParent(
    { port },
    () => undefined,
    () => app.close(),
  );
}

main().catch(failChild('bot instance'));
