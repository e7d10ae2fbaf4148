import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';

/** How one webhook event is named in log lines: ids in full, phone numbers masked. */
export interface LogSubject {
  label: string;
  /** Full phone numbers to mask wherever they appear in an error text we did not write. */
  numbers: readonly string[];
}

/** `event 3472dff5-… (text from 9199***9999)`. */
export function describeIncoming(message: ZixflowIncomingMessage): LogSubject {
  return {
    label: `event ${message.eventId} (${message.message.type} from ${maskPhoneNumber(message.sender.number)})`,
    numbers: [message.sender.number],
  };
}

/** `delivery report "delivered" for message 65f… to 9199***9999`. */
export function describeReport(report: ZixflowDeliveryReport): LogSubject {
  const to = report.recipient === undefined ? '' : ` to ${maskPhoneNumber(report.recipient)}`;
  return {
    label: `delivery report "${report.status ?? 'unknown'}" for message ${report.messageId ?? '(no id)'}${to}`,
    numbers: report.recipient === undefined ? [] : [report.recipient],
  };
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
