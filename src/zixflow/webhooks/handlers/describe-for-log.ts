import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';

/** How one webhook event is named in log lines: ids in full, phone numbers masked. */
export interface LogSubject {
  readonly label: string;
  /** Full phone numbers to mask wherever they appear in an error text we did not write. */
  readonly numbers: readonly string[];
}

/**
 * Subjects are made for every delivery but read only when a line is written (a failure, a repeat,
 * debug on), so the label is built on demand: building it for each webhook cost about 0.4 µs.
 */
class IncomingSubject implements LogSubject {
  constructor(private readonly message: ZixflowIncomingMessage) {}

  get label(): string {
    const { eventId, message, sender } = this.message;
    return `event ${eventId} (${message.type} from ${maskPhoneNumber(sender.number)})`;
  }

  get numbers(): readonly string[] {
    return [this.message.sender.number];
  }
}

class ReportSubject implements LogSubject {
  constructor(private readonly report: ZixflowDeliveryReport) {}

  get label(): string {
    const { recipient, status, messageId } = this.report;
    const to = recipient === undefined ? '' : ` to ${maskPhoneNumber(recipient)}`;
    return `delivery report "${status ?? 'unknown'}" for message ${messageId ?? '(no id)'}${to}`;
  }

  get numbers(): readonly string[] {
    return this.report.recipient === undefined ? [] : [this.report.recipient];
  }
}

/** `event 3472dff5-… (text from 9199***9999)`. */
export function describeIncoming(message: ZixflowIncomingMessage): LogSubject {
  return new IncomingSubject(message);
}

/** `delivery report "delivered" for message 65f… to 9199***9999`. */
export function describeReport(report: ZixflowDeliveryReport): LogSubject {
  return new ReportSubject(report);
}

/**
 * Message and stack of a handler's error with the subject's phone numbers masked: handlers often
 * put the number they failed to reach into their errors, and logs must not carry it.
 */
export function describeError(
  error: unknown,
  numbers: readonly string[],
): { message: string; stack: string | undefined } {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    message: maskNumbers(message, numbers),
    stack: stack === undefined ? undefined : maskNumbers(stack, numbers),
  };
}

function maskNumbers(text: string, numbers: readonly string[]): string {
  return numbers
    .filter((number) => number.length >= 5)
    .reduce((masked, number) => masked.split(number).join(maskPhoneNumber(number)), text);
}
