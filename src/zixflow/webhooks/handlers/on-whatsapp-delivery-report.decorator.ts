import { SetMetadata } from '@nestjs/common';
import { accountsFilter, toList, ZIXFLOW_WEBHOOK_HANDLER, ZixflowHandlerMetadata } from './zixflow-handler-metadata';

/** Which delivery reports a handler receives. */
export interface OnWhatsappDeliveryReportOptions {
  /** Only these statuses, compared in lower case (e.g. `'failed'`). Default: every report. */
  status?: string | readonly string[];
  /** Only reports of these accounts (`<path>/<account>/reports|postbacks`), as for `@OnWhatsappMessage`. Default: every account. */
  accounts?: readonly string[];
}

/**
 * Marks a provider method as a handler of delivery reports (sent to a message's `reportURL`, or as AI
 * API post-backs to its `post_back_url`).
 * Called with the {@link ZixflowDeliveryReport} after the callback has been answered; exceptions are
 * logged and never change the answer.
 */
export function OnWhatsappDeliveryReport(options: OnWhatsappDeliveryReportOptions = {}): MethodDecorator {
  const metadata: ZixflowHandlerMetadata = {
    kind: 'report',
    statuses: toList(options.status).map((status) => status.toLowerCase()),
    ...accountsFilter(options.accounts),
  };
  return SetMetadata(ZIXFLOW_WEBHOOK_HANDLER, metadata);
}
