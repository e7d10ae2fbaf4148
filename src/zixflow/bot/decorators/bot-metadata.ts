import { Reflector } from '@nestjs/core';
import type { BotRouteMetadata } from '../routing/bot-route.types';
import type { ZixflowDialogOptions } from '../dialogs/zixflow-dialog.types';

/** Marks a provider whose methods are bot routes. */
export const BotProviderMetadata = Reflector.createDecorator<true>();

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
