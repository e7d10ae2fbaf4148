import {
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Req,
  SetMetadata,
  Type,
  UseGuards,
} from '@nestjs/common';
import { ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from '../zixflow-webhooks.constants';
import { ResolvedZixflowWebhooksOptions } from '../zixflow-webhooks-options.schema';
import { ZixflowWebhookDeliveries } from '../zixflow-webhook-deliveries';
import { ZixflowWebhookReceiver } from '../zixflow-webhook.receiver';
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
    async receiveIncoming(
      @Req() request: ZixflowWebhookHttpRequest,
      @Param('account') account: string | undefined,
    ): Promise<ZixflowWebhookAck> {
      const body = await readWebhookJson(request, this.options.maxBodyBytes);
      const ack = await this.receiver.acceptIncoming(body, account);
      this.deliveries.record('incoming');
      return ack;
    }

    /** Delivery reports for messages sent with `reportURL` pointing here. */
    @Post(['reports', ':account/reports'])
    @HttpCode(HttpStatus.OK)
    @WebhookSecretIn('query')
    async receiveReport(
      @Req() request: ZixflowWebhookHttpRequest,
      @Param('account') account: string | undefined,
    ): Promise<ZixflowWebhookAck> {
      const body = await readWebhookJson(request, this.options.maxBodyBytes, { keepLongIntegers: true });
      const ack = await this.receiver.acceptReport(body, account);
      this.deliveries.record('reports');
      return ack;
    }

    /** The AI API's post-backs for messages sent with `post_back_url` pointing here. */
    @Post(['postbacks', ':account/postbacks'])
    @HttpCode(HttpStatus.OK)
    @WebhookSecretIn('query')
    async receivePostBack(
      @Req() request: ZixflowWebhookHttpRequest,
      @Param('account') account: string | undefined,
    ): Promise<ZixflowWebhookAck> {
      const body = await readWebhookJson(request, this.options.maxBodyBytes, { keepLongIntegers: true });
      const ack = await this.receiver.acceptPostBack(body, account);
      this.deliveries.record('postbacks');
      return ack;
    }
  }
  return ZixflowWebhooksController;
}
