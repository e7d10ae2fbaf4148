// ESM consumer: named imports from a CommonJS package and its ./testing subpath.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import * as lib from 'nestjs-zixflow';
import { ZixflowModule, ZixflowWhatsappService, ZixflowValidationError } from 'nestjs-zixflow';
import * as testing from 'nestjs-zixflow/testing';
import * as webhooks from 'nestjs-zixflow/webhooks';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import runScenario from './scenario.cjs';

if (
  typeof ZixflowModule !== 'function' ||
  typeof ZixflowWhatsappService !== 'function' ||
  typeof ZixflowValidationError !== 'function'
) {
  throw new Error('named ESM imports from nestjs-zixflow are missing');
}
const checks = await runScenario({
  lib,
  testing,
  webhooks,
  NestFactory,
  Module,
  ConfigModule,
  ConfigService,
  EventEmitterModule,
  EventEmitter2,
});
console.log(`consumer scenario passed: ${checks} checks`);
