import { Injectable, Logger } from '@nestjs/common';
import { maskPhoneNumber } from '../../zixflow';
import { OnWhatsappDeliveryReport, type ZixflowDeliveryReport } from '../../zixflow/webhooks';

/**
 * Logs the delivery reports of messages sent with a `reportURL` pointing at this app
 * (`/zixflow/webhooks/reports?token=…`). A real app would update the message's status in its
 * database here.
 */
@Injectable()
export class DeliveryReportListener {
  private readonly logger = new Logger('DeliveryReports');

  /** One log line per report, with the number masked. */
  @OnWhatsappDeliveryReport()
  record(report: ZixflowDeliveryReport): void {
    const to = report.recipient === undefined ? 'an unknown recipient' : maskPhoneNumber(report.recipient);
    this.logger.log(`Message ${report.messageId ?? '(no id)'} to ${to}: ${report.status ?? 'unknown status'}`);
  }
}
