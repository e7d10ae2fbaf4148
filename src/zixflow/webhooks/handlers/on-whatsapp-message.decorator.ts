import { SetMetadata } from '@nestjs/common';
import { ZixflowIncomingMessageType } from '../incoming/zixflow-incoming-message.interface';
import { accountsFilter, toList, ZIXFLOW_WEBHOOK_HANDLER, ZixflowHandlerMetadata } from './zixflow-handler-metadata';

/** Which messages a handler receives. */
export interface OnWhatsappMessageOptions {
  /** Only these message types (e.g. `'text'`, `['reply', 'text']`). Default: every type, `unknown` included. */
  type?: ZixflowIncomingMessageType | readonly ZixflowIncomingMessageType[];
  /**
   * Only messages of these accounts (the `account` of the webhook path, `<path>/<account>/incoming`:
   * a `ZixflowModule` registration's `name` or a tenant id), like `@ZixflowBot({ accounts })`; the
   * routes without an account then reach it no more. Default: every account.
   */
  accounts?: readonly string[];
}

/**
 * Marks a provider method as a handler of incoming WhatsApp messages. It is found at start-up and
 * called once per `eventId` with the {@link ZixflowIncomingMessage}, after the webhook has been
 * answered. An exception it throws is logged with the event id and the masked sender, and never
 * changes the webhook's answer, so a bug cannot make Zixflow disable the webhook.
 *
 * The provider must be a singleton (the default scope) in a module of the application.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class EchoBot {
 *   constructor(private readonly whatsapp: ZixflowWhatsappService) {}
 *
 *   @OnWhatsappMessage({ type: 'text' })
 *   async echo(incoming: ZixflowIncomingMessage): Promise<void> {
 *     if (incoming.message.type === 'text') await this.whatsapp.replyText(incoming, incoming.message.text.body);
 *   }
 * }
 * ```
 */
export function OnWhatsappMessage(options: OnWhatsappMessageOptions = {}): MethodDecorator {
  const metadata: ZixflowHandlerMetadata = {
    kind: 'message',
    types: toList(options.type),
    ...accountsFilter(options.accounts),
  };
  return SetMetadata(ZIXFLOW_WEBHOOK_HANDLER, metadata);
}
