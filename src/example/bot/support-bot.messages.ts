import type { ZixflowReplyMessage } from '../../zixflow';
import type { ZixflowBotButton } from '../../zixflow/bot';

/*
 * Everything the support bot says, in one place so the conversation can be read (and reworded)
 * without reading the logic.
 */

/** Button ids of the support menu; they come back in `reply.id` when a customer taps one. */
export const MENU_BUTTON = { trackOrder: 'track', talkToUs: 'talk-to-us' } as const;

/** The topics of a support ticket; each is a reply button whose id is `topic:<topic>`. */
export const SUPPORT_TOPICS = ['billing', 'delivery', 'other'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

function buttons(text: string, choices: readonly ZixflowBotButton[]): ZixflowReplyMessage {
  const action = { buttons: choices.map((reply) => ({ type: 'reply' as const, reply })) };
  return { type: 'interactive', interactive: { type: 'button', body: { text }, action } };
}

/** The menu: a greeting and two reply buttons. */
export function menuMessage(customerName: string | undefined): ZixflowReplyMessage {
  return buttons(`Hi${customerName ? ` ${customerName}` : ''}! How can we help you today?`, [
    { id: MENU_BUTTON.trackOrder, title: 'Track order' },
    { id: MENU_BUTTON.talkToUs, title: 'Talk to us' },
  ]);
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

/** The support ticket's first question (after "support" or "ticket"), or the same buttons after a wrong answer. */
export function topicQuestion(retry = false): ZixflowReplyMessage {
  const text = retry ? 'Please tap one of the buttons.' : 'Let us open a ticket. What is it about?';
  return buttons(
    text,
    SUPPORT_TOPICS.map((topic) => ({ id: `topic:${topic}`, title: topic[0].toUpperCase() + topic.slice(1) })),
  );
}

/** The ticket's second question. */
export function askForEmail(topic: SupportTopic): string {
  return `Got it: ${topic}. Which email address should we answer you at?`;
}

/** An answer to the email question that is not an email address. */
export const NOT_AN_EMAIL = 'That does not look like an email address. Please send one like ada@example.com.';
/** The ticket's last word after too many wrong answers. */
export const TICKET_GIVE_UP = 'Let us leave the ticket for now. Send *support* to try again, or *menu* for the menu.';

/** The ticket is open. */
export function ticketOpened(topic: SupportTopic, email: string): string {
  return `Thank you! Your ${topic} ticket is open, and a colleague will write to ${email} within one working day.`;
}
