import type { ZixflowReplyMessage } from '../../zixflow';
import { MENU_BUTTON } from './recognize-intent';

/*
 * Everything the support bot says, in one place so the conversation can be read (and reworded)
 * without reading the logic.
 */

/** The menu: a greeting and two reply buttons. */
export function menuMessage(customerName: string | undefined): ZixflowReplyMessage {
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: `Hi${customerName ? ` ${customerName}` : ''}! How can we help you today?` },
      action: {
        buttons: [
          { type: 'reply', reply: { id: MENU_BUTTON.trackOrder, title: 'Track order' } },
          { type: 'reply', reply: { id: MENU_BUTTON.talkToUs, title: 'Talk to us' } },
        ],
      },
    },
  };
}

/** The tracking video of a shipped order. */
export function trackingVideoMessage(orderId: string, link: string): ZixflowReplyMessage {
  return { type: 'video', video: { link, caption: `Order ${orderId} is on its way. Here is your tracking video.` } };
}

/** After "Track order". */
export const ASK_FOR_ORDER_NUMBER = 'Sure! What is your order number? (for example 1001)';
/** After "Talk to us". */
export const TALK_TO_US = 'A colleague will answer you right here within one working day. Send *menu* to go back.';
/** Something else while the bot waits for an order number. */
export const NOT_AN_ORDER_NUMBER =
  'That does not look like an order number. Send just the digits, for example 1001, or *menu* to start over.';
/** Anything the bot does not understand. */
export const HELP = 'Sorry, I did not get that. Send *menu* to see what I can do for you.';

/** An unknown order; also said for other customers' orders, so order numbers cannot be probed. */
export function orderNotFound(orderId: string): string {
  return `I could not find order ${orderId} for this WhatsApp number. Please check the number, or send *menu*.`;
}

/** A known order that has not left the warehouse: there is no tracking video yet. */
export function orderNotShippedYet(orderId: string): string {
  return `Order ${orderId} is paid and being packed. You will get its tracking video here as soon as it ships.`;
}
