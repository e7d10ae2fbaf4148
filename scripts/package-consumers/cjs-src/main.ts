// CommonJS TypeScript consumer: compiled with tsc against the package's .d.ts files.
import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import * as lib from 'nestjs-zixflow';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import {
  SendListMessageDto,
  SendReactionMessageDto,
  SendVideoMessageDto,
  ZixflowAccount,
  ZixflowDeliveryStatus,
  ZixflowModuleOptions,
  ZixflowNotFoundError,
  ZixflowRateLimitError,
  ZixflowSendResult,
  ZixflowTemplate,
  ZixflowWhatsappService,
} from 'nestjs-zixflow';
import * as testing from 'nestjs-zixflow/testing';
import { ZixflowSandbox } from 'nestjs-zixflow/testing';
import * as webhooks from 'nestjs-zixflow/webhooks';
import { ZixflowDeliveryReport } from 'nestjs-zixflow/webhooks';

// Type-level checks: these must compile against the published declarations.
@Injectable()
export class Notifier {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  notify(message: SendVideoMessageDto): Promise<ZixflowSendResult> {
    return this.whatsapp.sendVideo(message);
  }

  waitFor(error: unknown): number | undefined {
    return error instanceof ZixflowRateLimitError ? error.retryAfterMs : undefined;
  }

  // The AI API's names, as the design fixes them.
  async react(message: SendReactionMessageDto, menu: SendListMessageDto): Promise<string | undefined> {
    await this.whatsapp.sendList(menu);
    return (await this.whatsapp.sendReaction(message)).requestId;
  }

  async data(requestId: string): Promise<[ZixflowAccount[], ZixflowTemplate[], ZixflowDeliveryStatus | undefined]> {
    const templates: ZixflowTemplate[] = [];
    for await (const template of this.whatsapp.listTemplates()) templates.push(template);
    const status = await this.whatsapp.getDeliveryReport(requestId).catch((error: unknown) => {
      if (error instanceof ZixflowNotFoundError) return undefined;
      throw error;
    });
    return [await this.whatsapp.listAccounts(), templates, status];
  }

  correlate(report: ZixflowDeliveryReport): string | undefined {
    return report.callback === 'post_back_url' ? (report.postBackData ?? report.requestId) : report.messageId;
  }
}
const options: ZixflowModuleOptions = { apiKey: 'k', timeoutMs: 1000, retry: false };
const aiOptions: ZixflowModuleOptions = { apiKey: 'k', api: 'ai', workspaceId: 'w', ingestPrefix: '/api/ingestion' };
void aiOptions;
const sandboxType: Promise<ZixflowSandbox> | undefined = undefined;
void options;
void sandboxType;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runScenario = require('../scenario.cjs') as (deps: Record<string, unknown>) => Promise<number>;

runScenario({
  lib,
  testing,
  webhooks,
  NestFactory,
  Module,
  ConfigModule,
  ConfigService,
  EventEmitterModule,
  EventEmitter2,
})
  .then((checks) => console.log(`consumer scenario passed: ${checks} checks`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
