import { Controller, HttpCode, HttpStatus, Inject, Post, Req, SetMetadata, Type, UseGuards } from '@nestjs/common';
import { ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from '../zixflow-webhooks.constants';
import { ResolvedZixflowWebhooksOptions } from '../zixflow-webhooks-options.schema';
import { JsonObject } from '../../core/json/payload-fields';
import { ZixflowWebhookDeliveries, ZixflowWebhookRoute } from '../zixflow-webhook-deliveries';
import { ZixflowWebhookReceiver } from '../zixflow-webhook.receiver';
import { MaybePromise, thenMaybe } from './maybe-promise';
import { readWebhookJson } from './read-webhook-json';
import { ZixflowWebhookAck } from './zixflow-webhook-ack.interface';
import { ZixflowWebhookHttpRequest } from './zixflow-webhook-http-request.interface';
import { WebhookSecretIn, ZixflowWebhookSecretGuard } from './zixflow-webhook-secret.guard';

/**
 * `@nestjs/swagger`'s `ApiExcludeController` metadata, written by key so the library needs no swagger
 * dependency: the routes are called by Zixflow, not by clients of the app's API, so they stay off
 * its OpenAPI page.
 */
const OPENAPI_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

/**
 * Builds the webhook controller for a route prefix. A class per prefix, because Nest reads a
 * controller's path from its decorator and two applications in one process (tests) may use
 * different prefixes.
 */
export function createZixflowWebhooksController(path: string): Type<object> {
  /**
   * `POST {path}/incoming` (secret in a header), `POST {path}/reports` and `POST {path}/postbacks`
   * (secret as `?token=`, since it travels inside the URL given to Zixflow). Each answers 200 as
   * soon as the event is accepted; handlers run afterwards. The same three under `{path}/:account/`
   * serve the accounts of the `accounts` option, each with its own secret.
   */
  @Controller(path)
  @UseGuards(ZixflowWebhookSecretGuard)
  @SetMetadata(OPENAPI_EXCLUDE_CONTROLLER, [true])
  class ZixflowWebhooksController {
    constructor(
      @Inject(ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowWebhooksOptions,
      private readonly receiver: ZixflowWebhookReceiver,
      private readonly deliveries: ZixflowWebhookDeliveries,
    ) {}

    /** Zixflow's account-level incoming-message webhook. */
    @Post(['incoming', ':account/incoming'])
    @HttpCode(HttpStatus.OK)
    @WebhookSecretIn('header')
    receiveIncoming(@Req() request: ZixflowWebhookHttpRequest): MaybePromise<ZixflowWebhookAck> {
      return this.accept('incoming', readWebhookJson(request, this.options.maxBodyBytes), (body) =>
        this.receiver.acceptIncoming(body, accountOf(request)),
      );
    }

    /** Delivery reports for messages sent with `reportURL` pointing here. */
    @Post(['reports', ':account/reports'])
    @HttpCode(HttpStatus.OK)
    @WebhookSecretIn('query')
    receiveReport(@Req() request: ZixflowWebhookHttpRequest): MaybePromise<ZixflowWebhookAck> {
      const body = readWebhookJson(request, this.options.maxBodyBytes, { keepLongIntegers: true });
      return this.accept('reports', body, (json) => this.receiver.acceptReport(json, accountOf(request)));
    }

    /** The AI API's post-backs for messages sent with `post_back_url` pointing here. */
    @Post(['postbacks', ':account/postbacks'])
    @HttpCode(HttpStatus.OK)
    @WebhookSecretIn('query')
    receivePostBack(@Req() request: ZixflowWebhookHttpRequest): MaybePromise<ZixflowWebhookAck> {
      const body = readWebhookJson(request, this.options.maxBodyBytes, { keepLongIntegers: true });
      return this.accept('postbacks', body, (json) => this.receiver.acceptPostBack(json, accountOf(request)));
    }

    /**
     * Reads, accepts, then records the success. Synchronous when the app already parsed the body and
     * the dedupe store answers at once (a plain value, as a bare route returns), so a delivery takes
     * no promise hops of ours; a throw is still Nest's to turn into the 4xx/5xx answer.
     */
    private accept(
      route: ZixflowWebhookRoute,
      body: MaybePromise<JsonObject>,
      accept: (body: JsonObject) => MaybePromise<ZixflowWebhookAck>,
    ): MaybePromise<ZixflowWebhookAck> {
      return thenMaybe(thenMaybe(body, accept), (ack) => {
        this.deliveries.record(route);
        return ack;
      });
    }
  }
  return ZixflowWebhooksController;
}

/** The account of a `:account/…` route; undefined on the default routes, as `@Param('account')` gives. */
function accountOf(request: ZixflowWebhookHttpRequest): string | undefined {
  return request.params?.account;
}
