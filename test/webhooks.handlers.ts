import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ZixflowWhatsappService } from '../src/zixflow';
import {
  OnWhatsappDeliveryReport,
  OnWhatsappMessage,
  ZixflowDeliveryReport,
  ZixflowEvents,
  ZixflowIncomingMessage,
} from '../src/zixflow/webhooks';

/** Records what reaches handlers, and fails on "boom" to show a buggy handler changes nothing. */
@Injectable()
export class RecordingHandlers {
  readonly messages: ZixflowIncomingMessage[] = [];
  readonly texts: ZixflowIncomingMessage[] = [];
  readonly viaOnEvent: ZixflowIncomingMessage[] = [];
  readonly reports: ZixflowDeliveryReport[] = [];
  readonly failedReports: ZixflowDeliveryReport[] = [];
  release: Promise<void> = Promise.resolve();

  @OnWhatsappMessage()
  async every(message: ZixflowIncomingMessage): Promise<void> {
    await this.release;
    this.messages.push(message);
  }

  @OnWhatsappMessage({ type: 'text' })
  textsOnly(message: ZixflowIncomingMessage): void {
    this.texts.push(message);
    if (message.message.type === 'text' && message.message.text.body === 'boom') {
      throw new Error(`handler bug while answering ${message.sender.number}`);
    }
  }

  @OnEvent(ZixflowEvents.MessageReceived)
  onEvent(message: ZixflowIncomingMessage): void {
    this.viaOnEvent.push(message);
  }

  /** A plain listener that lets its error escape @nestjs/event-emitter: the module still contains it. */
  @OnEvent(ZixflowEvents.MessageReceived, { suppressErrors: false })
  strictOnEvent(message: ZixflowIncomingMessage): void {
    if (message.message.type === 'text' && message.message.text.body === 'boom') {
      throw new Error(`listener bug for ${message.sender.number}`);
    }
  }

  @OnWhatsappDeliveryReport()
  report(report: ZixflowDeliveryReport): void {
    this.reports.push(report);
  }

  @OnWhatsappDeliveryReport({ status: 'failed' })
  failed(report: ZixflowDeliveryReport): void {
    this.failedReports.push(report);
  }

  /** Empties every list between tests. */
  clear(): void {
    for (const list of [this.messages, this.texts, this.viaOnEvent, this.reports, this.failedReports]) {
      list.length = 0;
    }
  }
}

/** A bot that answers every text, to show replies go out even when another handler throws. */
@Injectable()
export class EchoBot {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  @OnWhatsappMessage({ type: 'text' })
  async echo(incoming: ZixflowIncomingMessage): Promise<void> {
    if (incoming.message.type === 'text') {
      await this.whatsapp.replyText(incoming, `You said: ${incoming.message.text.body}`);
    }
  }
}
