// CommonJS TypeScript consumer: compiled with tsc against the package's .d.ts files.
import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import * as lib from 'nestjs-zixflow';
import {
  SendVideoMessageDto,
  ZixflowModuleOptions,
  ZixflowRateLimitError,
  ZixflowSendResult,
  ZixflowWhatsappService,
} from 'nestjs-zixflow';
import * as testing from 'nestjs-zixflow/testing';
import { ZixflowSandbox } from 'nestjs-zixflow/testing';

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
}
const options: ZixflowModuleOptions = { apiKey: 'k', timeoutMs: 1000, retry: false };
const sandboxType: Promise<ZixflowSandbox> | undefined = undefined;
void options;
void sandboxType;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runScenario = require('../scenario.cjs') as (deps: Record<string, unknown>) => Promise<number>;

runScenario({ lib, testing, NestFactory, Module, ConfigModule, ConfigService })
  .then((checks) => console.log(`consumer scenario passed: ${checks} checks`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
