import { BadRequestException, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ZixflowWebhookPayloadError } from './errors/zixflow-webhook-payload.error';
import { describeIncoming, describeReport, LogSubject } from './handlers/describe-for-log';
import { ZixflowWebhookDispatcher } from './handlers/zixflow-webhook.dispatcher';
import { MaybePromise, thenMaybe } from './http/maybe-promise';
import { ZixflowWebhookAck } from './http/zixflow-webhook-ack.interface';
import { isOtherWebhookEvent, parseZixflowIncomingMessage } from './incoming/parse-incoming-message';
import { isRoundedInteger, JsonObject } from '../core/json/payload-fields';
import { isOtherPostBack, parseZixflowDeliveryReport } from './reports/parse-delivery-report';
import { ZixflowDeliveryReport } from './reports/zixflow-delivery-report.interface';
import { ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from './zixflow-webhooks.constants';
import { ResolvedZixflowWebhooksOptions } from './zixflow-webhooks-options.schema';
import { ZixflowEventName, ZixflowEvents } from './zixflow.events';
import { conversationKeyOf, reportStreamKey } from './inbound/conversation-key';
import type { ZixflowInboundEvent, ZixflowInboundQueue } from './inbound/zixflow-inbound-queue.interface';

/**
 * Turns an authenticated webhook body into at most one emitted event: parse, drop duplicates, hand
 * over to the dispatcher. What it returns is the webhook's 200 answer: at once when the dedupe
 * store answers synchronously (the in-memory default), a promise when it or the inbound queue waits.
 */
@Injectable()
export class ZixflowWebhookReceiver {
  private readonly logger = new Logger('ZixflowWebhooks');
  /** Whether the app was already told, once, that its JSON parser rounds post-back message ids. */
  private warnedOfRoundedIds = false;

  constructor(
    @Inject(ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowWebhooksOptions,
    private readonly dispatcher: ZixflowWebhookDispatcher,
  ) {}

  /** Accepts an `incoming.whatsapp.message` body; other event types are acknowledged and ignored. */
  acceptIncoming(payload: JsonObject, account?: string): MaybePromise<ZixflowWebhookAck> {
    if (isOtherWebhookEvent(payload)) {
      this.logger.debug(`Ignored a webhook for event ${JSON.stringify(payload.event)}`);
      return { received: true, ignored: true };
    }
    const message = withAccount(
      this.parse(() => parseZixflowIncomingMessage(payload)),
      account,
    );
    const subject = describeIncoming(message);
    const dedupeKey = `incoming:${accountPrefix(account)}${message.eventId}`;
    if (this.options.inbound !== undefined) {
      const event: ZixflowInboundEvent = {
        kind: 'message',
        dedupeKey,
        conversationKey: conversationKeyOf(message),
        message,
      };
      return this.store(event, this.options.inbound, subject);
    }
    return this.dispatchOnce(ZixflowEvents.MessageReceived, message, dedupeKey, subject, 'a repeated delivery of');
  }

  /** With a durable inbound queue: answered once the event is stored there; handlers run from it. */
  private async store(
    event: ZixflowInboundEvent,
    inbound: ZixflowInboundQueue,
    subject: LogSubject,
  ): Promise<ZixflowWebhookAck> {
    let stored: boolean;
    try {
      stored = await inbound.enqueue(event);
    } catch (error) {
      this.logger.error(
        `The inbound queue failed (${error instanceof Error ? error.name : typeof error}); answering 503 so Zixflow retries`,
      );
      throw new ServiceUnavailableException('Could not store the webhook event; retry later');
    }
    if (!stored) {
      this.logger.log(`Acknowledged a repeated delivery of ${subject.label} without handling it again`);
      return { received: true, duplicate: true };
    }
    return { received: true };
  }

  /** Accepts a `reportURL` delivery report; any JSON object is one. */
  acceptReport(payload: JsonObject, account?: string): MaybePromise<ZixflowWebhookAck> {
    return this.acceptParsedReport(
      withAccount(
        this.parse(() => parseZixflowDeliveryReport(payload)),
        account,
      ),
    );
  }

  /**
   * Accepts an AI API post-back (§4.1) as a delivery report, deduplicated like reports; post-backs
   * about other channels or other types than `delivery_status` are acknowledged and ignored.
   */
  acceptPostBack(payload: JsonObject, account?: string): MaybePromise<ZixflowWebhookAck> {
    if (isOtherPostBack(payload)) {
      this.logger.debug(
        `Ignored a post-back of type ${JSON.stringify(payload.type)} on channel ${JSON.stringify(payload.channel)}`,
      );
      return { received: true, ignored: true };
    }
    if (isRoundedInteger(payload.message_id) && !this.warnedOfRoundedIds) {
      this.warnedOfRoundedIds = true;
      this.logger.warn(
        "Post-back message_id is above 2^53 and the app's JSON parser has already rounded it, so messageId is left out; " +
          'create the Nest application with { rawBody: true } to keep every digit (requestId and postBackData are exact either way)',
      );
    }
    const report = this.parse(() => parseZixflowDeliveryReport(payload, new Date(), 'post_back_url'));
    return this.acceptParsedReport(withAccount(report, account));
  }

  private acceptParsedReport(report: ZixflowDeliveryReport): MaybePromise<ZixflowWebhookAck> {
    const subject = describeReport(report);
    const key = reportDedupeKey(report);
    if (this.options.inbound !== undefined) {
      const event: ZixflowInboundEvent = {
        kind: 'report',
        dedupeKey: key,
        conversationKey: reportStreamKey(report),
        report,
      };
      return this.store(event, this.options.inbound, subject);
    }
    return this.dispatchOnce(ZixflowEvents.DeliveryReport, report, key, subject, 'a repeated');
  }

  /**
   * Without a durable inbound queue: hands the event to the dispatcher unless the dedupe store has
   * seen its key (an event without a key is always handed over). `repeated` opens the log line of a
   * repeat, before the subject's label.
   */
  private dispatchOnce(
    event: ZixflowEventName,
    payload: object,
    key: string | undefined,
    subject: LogSubject,
    repeated: string,
  ): MaybePromise<ZixflowWebhookAck> {
    return thenMaybe(key === undefined || this.isFirstDelivery(key), (first): ZixflowWebhookAck => {
      if (!first) {
        this.logger.log(`Acknowledged ${repeated} ${subject.label} without handling it again`);
        return { received: true, duplicate: true };
      }
      this.logReceived(subject);
      this.dispatcher.dispatch(event, payload, subject);
      return { received: true };
    });
  }

  /**
   * The per-delivery debug line, written only when the logger would print it: Nest's call chain for a
   * line it then drops cost about 4 µs a delivery (measured in-process), a large share of the
   * module's cost per webhook. A logger that cannot say (no `isLevelEnabled`) gets every line, as before.
   */
  private logReceived(subject: LogSubject): void {
    // ConsoleLogger (Nest's default, and what most custom loggers extend) has isLevelEnabled; LoggerService
    // does not declare it, and with `logger: false` there is no instance at all: then Nest decides, as before.
    const logger = this.logger.localInstance as { isLevelEnabled?: (level: 'debug') => boolean } | undefined;
    if (typeof logger?.isLevelEnabled === 'function' && !logger.isLevelEnabled('debug')) {
      return;
    }
    this.logger.debug(`Received ${subject.label}`);
  }

  private parse<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ZixflowWebhookPayloadError) {
        this.logger.warn(`Refused a webhook body: ${error.problems.join('; ')}`);
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.problems });
      }
      throw error;
    }
  }

  /**
   * A failing store answers 503: Zixflow retries later, which beats both losing and doubling the
   * event. A store's synchronous boolean is used as it is; anything else is awaited, as before.
   */
  private isFirstDelivery(key: string): MaybePromise<boolean> {
    let answer: boolean | Promise<boolean>;
    try {
      answer = this.options.dedupeStore.setIfAbsent(key, this.options.dedupeTtlMs);
    } catch (error) {
      throw this.dedupeStoreFailed(error);
    }
    if (typeof answer === 'boolean') {
      return answer;
    }
    return Promise.resolve(answer).then(undefined, (error: unknown) => Promise.reject(this.dedupeStoreFailed(error)));
  }

  private dedupeStoreFailed(error: unknown): ServiceUnavailableException {
    this.logger.error(
      `The dedupe store failed (${error instanceof Error ? error.name : typeof error}); answering 503 so Zixflow retries`,
    );
    return new ServiceUnavailableException('Could not record the webhook event; retry later');
  }
}

/**
 * A status reaches a message once, so its id and the status identify a report; without them nothing
 * is deduplicated. Post-backs are keyed by `request_id` first: it is exact whatever the app's JSON
 * parser did, while their numeric `message_id` may be left out.
 */
function reportDedupeKey(report: ZixflowDeliveryReport): string | undefined {
  const id =
    report.callback === 'post_back_url'
      ? (report.requestId ?? report.messageId)
      : (report.messageId ?? report.requestId);
  return id === undefined || report.status === undefined
    ? undefined
    : `report:${accountPrefix(report.account)}${id}:${report.status}`;
}

/** Two accounts' ids may collide, so an account's keys carry its name; the default's are as before. */
function accountPrefix(account: string | undefined): string {
  return account === undefined ? '' : `${account}:`;
}

/** The event with the account it arrived for; nothing added for the default routes. */
function withAccount<T extends { account?: string }>(event: T, account: string | undefined): T {
  return account === undefined ? event : { ...event, account };
}
