import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';
import { ZIXFLOW_WEBHOOKS_EMITTER } from '../zixflow-webhooks.constants';
import { ZixflowEventName, ZixflowEvents } from '../zixflow.events';
import { describeError, describeIncoming, describeReport, LogSubject } from './describe-for-log';
import { ZIXFLOW_WEBHOOK_HANDLER, ZixflowHandlerMetadata } from './zixflow-handler-metadata';

type HandlerMethod = (payload: unknown) => unknown;

interface Subscription {
  event: ZixflowEventName;
  listener: (payload: unknown) => Promise<void> | undefined;
}

/**
 * Finds `@OnWhatsappMessage()` / `@OnWhatsappDeliveryReport()` methods at start-up, as
 * `@nestjs/bullmq` finds processors, and subscribes each to the module's event on the application's
 * `EventEmitter2`. The subscription applies the decorator's filter and catches what the handler
 * throws, logging it with the event id, so one failing handler never affects the others or the
 * webhook's answer.
 */
@Injectable()
export class ZixflowWebhookHandlersExplorer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ZixflowWebhooks');
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(ZIXFLOW_WEBHOOKS_EMITTER) private readonly emitter: EventEmitter2,
  ) {}

  /** Subscribes every decorated provider method, and says so in one line. */
  onApplicationBootstrap(): void {
    const handlers: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      handlers.push(...this.subscribeHandlersOf(wrapper));
    }
    if (handlers.length > 0) {
      this.logger.log(`Webhook handlers: ${handlers.join('; ')}`);
    }
  }

  /** Unsubscribes, so a closed application leaves nothing behind on a shared emitter. */
  onApplicationShutdown(): void {
    for (const { event, listener } of this.subscriptions.splice(0)) {
      this.emitter.off(event, listener);
    }
  }

  /** Subscribes the handlers of one provider; returns them as `Class.method (what it handles)`. */
  private subscribeHandlersOf(wrapper: InstanceWrapper): string[] {
    const instance: unknown = wrapper.instance;
    const handlers: string[] = [];
    if (wrapper.isAlias || typeof instance !== 'object' || instance === null) {
      return handlers;
    }
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const methodName of this.scanner.getAllMethodNames(prototype)) {
      const method = prototype[methodName];
      const metadata =
        typeof method === 'function'
          ? this.reflector.get<ZixflowHandlerMetadata | undefined>(ZIXFLOW_WEBHOOK_HANDLER, method)
          : undefined;
      if (metadata === undefined) {
        continue;
      }
      const handlerName = `${instance.constructor.name}.${methodName}`;
      if (!wrapper.isDependencyTreeStatic()) {
        throw new ZixflowConfigurationError(
          `${handlerName}: WhatsApp webhook handlers must live in singleton providers; this one is request- or transient-scoped.`,
        );
      }
      this.subscribe(metadata, (method as HandlerMethod).bind(instance), handlerName);
      handlers.push(`${handlerName} (${describeFilter(metadata)})`);
    }
    return handlers;
  }

  private subscribe(metadata: ZixflowHandlerMetadata, handle: HandlerMethod, handlerName: string): void {
    const event = metadata.kind === 'message' ? ZixflowEvents.MessageReceived : ZixflowEvents.DeliveryReport;
    const fail = (payload: unknown, error: unknown): void =>
      this.logFailure(handlerName, subjectOf(metadata, payload), error);
    // A promise only for a handler that returned one: emitAsync's Promise.all takes plain values,
    // so a synchronous handler costs no promise or microtask of ours. Either way nothing escapes.
    const listener = (payload: unknown): Promise<void> | undefined => {
      try {
        const result = accepts(metadata, payload) ? handle(payload) : undefined;
        if (isThenable(result)) {
          return Promise.resolve(result).then(
            () => undefined,
            (error: unknown) => fail(payload, error),
          );
        }
      } catch (error) {
        fail(payload, error);
      }
      return undefined;
    };
    this.emitter.on(event, listener);
    this.subscriptions.push({ event, listener });
  }

  private logFailure(handlerName: string, subject: LogSubject, error: unknown): void {
    const { message, stack } = describeError(error, subject.numbers);
    this.logger.error(`${handlerName} failed on ${subject.label}: ${message}`, stack);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}

function accepts(metadata: ZixflowHandlerMetadata, payload: unknown): boolean {
  if (metadata.accounts !== undefined) {
    const account = (payload as { account?: string }).account;
    if (account === undefined || !metadata.accounts.includes(account)) return false;
  }
  if (metadata.kind === 'message') {
    return metadata.types.length === 0 || metadata.types.includes((payload as ZixflowIncomingMessage).message.type);
  }
  const status = (payload as ZixflowDeliveryReport).status;
  return metadata.statuses.length === 0 || (status !== undefined && metadata.statuses.includes(status));
}

function subjectOf(metadata: ZixflowHandlerMetadata, payload: unknown): LogSubject {
  try {
    const subject =
      metadata.kind === 'message'
        ? describeIncoming(payload as ZixflowIncomingMessage)
        : describeReport(payload as ZixflowDeliveryReport);
    // Read here, inside the try: a subject builds its label only when asked.
    return { label: subject.label, numbers: subject.numbers };
  } catch {
    // Someone else emitted a malformed payload under our event name; say so rather than throw here.
    return { label: 'an event with an unexpected payload', numbers: [] };
  }
}

function describeFilter(metadata: ZixflowHandlerMetadata): string {
  const what = describeKind(metadata);
  return metadata.accounts === undefined ? what : `${what} of account ${metadata.accounts.join(', ')}`;
}

function describeKind(metadata: ZixflowHandlerMetadata): string {
  if (metadata.kind === 'message') {
    return metadata.types.length === 0
      ? 'every incoming WhatsApp message'
      : `incoming WhatsApp messages of type ${metadata.types.join(', ')}`;
  }
  return metadata.statuses.length === 0
    ? 'every delivery report'
    : `delivery reports with status ${metadata.statuses.join(', ')}`;
}
