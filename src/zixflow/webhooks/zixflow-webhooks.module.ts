import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowWebhookHandlersExplorer } from './handlers/zixflow-webhook-handlers.explorer';
import { ZixflowWebhookDispatcher } from './handlers/zixflow-webhook.dispatcher';
import { ZIXFLOW_WEBHOOKS_EMITTER, ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from './zixflow-webhooks.constants';
import {
  ZixflowWebhooksConfigurableModuleClass,
  ZIXFLOW_WEBHOOKS_MODULE_OPTIONS,
} from './zixflow-webhooks.module-definition';
import { resolveZixflowWebhooksOptions } from './zixflow-webhooks-options.schema';
import { ZixflowWebhookReceiver } from './zixflow-webhook.receiver';
import { ZixflowWebhookDeliveries } from './zixflow-webhook-deliveries';
import { WebhookAccountSecrets } from './http/webhook-account-secrets';

/** The application's emitter, or a start-up error that says which module to import. */
function requireEventEmitter(emitter: EventEmitter2 | undefined): EventEmitter2 {
  if (emitter === undefined) {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule emits through @nestjs/event-emitter: add EventEmitterModule.forRoot() to your application module imports.',
    );
  }
  return emitter;
}

/**
 * Receives Zixflow's webhooks: `POST /zixflow/webhooks/incoming` (incoming WhatsApp messages,
 * secret in the `x-zixflow-secret` header), `POST /zixflow/webhooks/reports` (campaign delivery
 * reports) and `POST /zixflow/webhooks/postbacks` (AI API post-backs), both with the secret as
 * `?token=`, emitted as typed events once per delivery. Register it with
 * `ZixflowWebhooksModule.forRoot({ secret })` or
 * `ZixflowWebhooksModule.forRootAsync(zixflowWebhooksConfig.asProvider())`, next to
 * `EventEmitterModule.forRoot()`; add `path` to either to move the routes.
 *
 * The options are checked while the module is instantiated, so a missing or weak secret stops
 * start-up: the endpoints never run open.
 *
 * Works the same on Express and Fastify (`@nestjs/platform-express` or `@nestjs/platform-fastify`),
 * with Nest's default body parser, `rawBody: true` or `bodyParser: false`: the routes read the body
 * from the request generically and import neither platform. Bodies above `maxBodyBytes` get 413;
 * bodies that are not a JSON object, or nest deeper than 64 levels
 * (`Webhook body nested deeper than 64 levels`), get 400.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS,
      useFactory: resolveZixflowWebhooksOptions,
      inject: [ZIXFLOW_WEBHOOKS_MODULE_OPTIONS],
    },
    {
      provide: ZIXFLOW_WEBHOOKS_EMITTER,
      useFactory: requireEventEmitter,
      inject: [{ token: EventEmitter2, optional: true }],
    },
    ZixflowWebhookReceiver,
    ZixflowWebhookDispatcher,
    ZixflowWebhookHandlersExplorer,
    ZixflowWebhookDeliveries,
    WebhookAccountSecrets,
  ],
  exports: [ZixflowWebhookDeliveries],
})
export class ZixflowWebhooksModule extends ZixflowWebhooksConfigurableModuleClass {}
