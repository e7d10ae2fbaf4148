import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ZIXFLOW_WEBHOOKS_DEFAULT_PATH, zixflowWebhooksConfig } from '../zixflow/webhooks';
import { SandboxSentMessage, ZixflowSandbox } from '../zixflow/testing';
import { SANDBOX } from './sandbox-mode.constants';
import { SimulateIncomingDto } from './simulate-incoming.dto';

/** One accepted message as `GET /sandbox/messages` lists it. */
interface ListedMessage {
  messageId: string;
  receivedAt: string;
  path: string;
  body: Record<string, unknown>;
}

/** What `POST /sandbox/incoming` answers. */
interface SimulatedDelivery {
  eventId: unknown;
  webhookStatus: number;
  next: string;
}

function toListed(message: SandboxSentMessage): ListedMessage {
  return {
    messageId: message.messageId,
    receivedAt: message.receivedAt.toISOString(),
    path: message.path,
    body: message.body,
  };
}

/**
 * Lets a person see what the app "sent" while it runs against the embedded sandbox, and play a
 * customer writing to the app over WhatsApp.
 */
@Controller('sandbox')
export class SandboxController {
  constructor(
    @Inject(SANDBOX) private readonly sandbox: ZixflowSandbox,
    @Inject(zixflowWebhooksConfig.KEY) private readonly webhooks: ConfigType<typeof zixflowWebhooksConfig>,
  ) {}

  /** Messages the sandbox accepted, newest first. */
  @Get('messages')
  list(): ListedMessage[] {
    return [...this.sandbox.messages].reverse().map(toListed);
  }

  /**
   * Delivers a customer message to this app's own webhook through the sandbox, exactly as Zixflow
   * would (secret header included), so the whole loop runs: webhook → bot → reply → sandbox.
   * Kept off the API page: it only exists in sandbox mode and is driven by curl.
   */
  @Post('incoming')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiExcludeEndpoint()
  async incoming(@Body() dto: SimulateIncomingDto, @Req() request: IncomingMessage): Promise<SimulatedDelivery> {
    if (dto.text !== undefined && dto.buttonId !== undefined) {
      throw new BadRequestException('Give either text or buttonId, not both');
    }
    if (!this.webhooks.secret) {
      throw new ServiceUnavailableException('Webhooks are off: set ZIXFLOW_WEBHOOK_SECRET and restart');
    }
    const result = await this.sandbox
      .simulateIncoming({
        to: ownWebhookUrl(request),
        secret: this.webhooks.secret,
        from: dto.from,
        name: dto.name,
        ...contentOf(dto),
      })
      .catch((error: unknown) => {
        throw error instanceof RangeError
          ? new BadRequestException(error.message.replace(/^ZixflowSandbox: /, ''))
          : error;
      });
    return {
      eventId: result.payload.eventId,
      webhookStatus: result.status,
      next: 'GET /sandbox/messages shows the answer',
    };
  }
}

/** A text, or Meta's shape of a tapped reply button (Zixflow's is undocumented). */
function contentOf(dto: SimulateIncomingDto): { text: string } | { message: Record<string, unknown> } {
  if (dto.buttonId === undefined) {
    return { text: dto.text ?? '' };
  }
  const buttonReply = { id: dto.buttonId, title: dto.buttonTitle ?? dto.buttonId };
  return { message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: buttonReply } } };
}

/** The app's incoming webhook on the address and port this request came in on, which is always reachable locally. */
function ownWebhookUrl(request: IncomingMessage): string {
  const host = request.socket.localAddress === '::1' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${request.socket.localPort}/${ZIXFLOW_WEBHOOKS_DEFAULT_PATH}/incoming`;
}
