import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ExternalContextCreator, MetadataScanner, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { ParamsMetadata } from '@nestjs/core/helpers/interfaces';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import type { ZixflowBotContext } from '../context/zixflow-bot-context';
import { BotDialogMetadata, BotProviderMetadata, BotRoutesMetadata } from '../decorators/bot-metadata';
import { DialogRegistry } from '../dialogs/dialog-registry';
import type { ZixflowDialogDefinition } from '../dialogs/zixflow-dialog.types';
import type { BotRoute } from '../routing/bot-router';

/** A route's handler, wrapped so guards, interceptors, pipes and filters run around it. */
export type BotHandler = (ctx: ZixflowBotContext) => Promise<unknown>;

/** The execution context type guards and filters see: `host.getType() === 'zixflow-bot'`. */
export const ZIXFLOW_BOT_CONTEXT_TYPE = 'zixflow-bot';

/** Only custom parameter decorators (`@Ctx`, `@Param`, …) exist in a bot handler; this answers for the rest. */
const noBuiltInParams = { exchangeKeyForValue: (): null => null };

/**
 * Finds `@ZixflowBot()` providers and their routes, and `@ZixflowDialog()` providers, once at
 * start-up (as `@nestjs/bullmq` finds processors). Each route runs through Nest's
 * `ExternalContextCreator`, as nestjs-telegraf's do, so `@UseGuards`, `@UseInterceptors`,
 * `@UsePipes` and `@UseFilters` work on bot handlers with their own context type.
 */
@Injectable()
export class ZixflowBotExplorer implements OnModuleInit {
  private readonly logger = new Logger('ZixflowBot');
  /** Every route of every bot, in declaration order. */
  readonly routes: BotRoute<BotHandler>[] = [];
  /** Every dialog, by id. */
  readonly dialogs = new DialogRegistry();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly contextCreator: ExternalContextCreator,
  ) {}

  /** Collects routes and dialogs. */
  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (wrapper.isAlias || typeof instance !== 'object' || instance === null || !wrapper.metatype) continue;
      const metatype = instance.constructor as new () => object;
      const dialog = this.reflector.get(BotDialogMetadata, metatype);
      if (dialog !== undefined) {
        this.requireSingleton(wrapper, metatype.name);
        this.dialogs.add(dialog, instance as ZixflowDialogDefinition<Record<string, unknown>>, metatype.name);
      }
      const bot = this.reflector.get(BotProviderMetadata, metatype);
      if (bot !== undefined) {
        this.requireSingleton(wrapper, metatype.name);
        this.addRoutesOf(instance as Record<string, unknown>, bot.accounts);
      }
    }
    this.logger.log(`${this.routes.length} bot routes`);
  }

  private addRoutesOf(instance: Record<string, unknown>, accounts: readonly string[] | undefined): void {
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const methodName of this.scanner.getAllMethodNames(prototype)) {
      const method = prototype[methodName];
      if (typeof method !== 'function') continue;
      const metadata = this.reflector.get(BotRoutesMetadata, method as () => unknown);
      if (metadata === undefined) continue;
      const handler = this.contextCreator.create<ParamsMetadata, typeof ZIXFLOW_BOT_CONTEXT_TYPE>(
        instance,
        method as (...args: unknown[]) => unknown,
        methodName,
        ROUTE_ARGS_METADATA,
        noBuiltInParams,
        undefined,
        undefined,
        { guards: true, interceptors: true, filters: true },
        ZIXFLOW_BOT_CONTEXT_TYPE,
      ) as BotHandler;
      const name = `${instance.constructor.name}.${methodName}`;
      for (const { stage, matcher } of metadata) {
        this.routes.push(
          accounts === undefined ? { stage, matcher, handler, name } : { stage, matcher, handler, name, accounts },
        );
      }
    }
  }

  private requireSingleton(wrapper: InstanceWrapper, name: string): void {
    if (!wrapper.isDependencyTreeStatic()) {
      throw new ZixflowConfigurationError(
        `${name}: bots and dialogs must be singleton providers; this one is request- or transient-scoped.`,
      );
    }
  }
}
