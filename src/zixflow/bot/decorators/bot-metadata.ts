import { Reflector } from '@nestjs/core';
import type { BotRouteMetadata } from '../routing/bot-route.types';
import type { ZixflowDialogOptions } from '../dialogs/zixflow-dialog.types';

/** What `@ZixflowBot()` takes. */
export interface ZixflowBotOptions {
  /**
   * Answer only messages of these accounts (the `account` of the webhook path: a registration's
   * `name` or a tenant id), like nestjs-telegraf's `include`. Default: every account, including
   * the routes without one.
   */
  accounts?: readonly string[];
}

/** Marks a provider whose methods are bot routes, with the accounts it answers. */
export const BotProviderMetadata = Reflector.createDecorator<ZixflowBotOptions>();

/** The routes of one method; a method may carry several routing decorators. */
export const BotRoutesMetadata = Reflector.createDecorator<BotRouteMetadata[]>();

/** Marks a provider as a dialog. */
export const BotDialogMetadata = Reflector.createDecorator<ZixflowDialogOptions>();

/** Adds one route to a method's routes, keeping the ones other decorators left there. */
export function addRoute(route: BotRouteMetadata): MethodDecorator {
  return (target, key, descriptor) => {
    const existing = (Reflect.getMetadata(BotRoutesMetadata.KEY, descriptor.value as object) ??
      []) as BotRouteMetadata[];
    // Decorators apply bottom-up; unshift keeps the routes in the order they are written.
    BotRoutesMetadata([route, ...existing])(target, key, descriptor);
  };
}
