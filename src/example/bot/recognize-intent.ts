import type { ZixflowIncomingContent } from '../../zixflow/webhooks';

/** Button ids of the support menu; they come back in `reply.id` when a customer taps one. */
export const MENU_BUTTON = { trackOrder: 'track', talkToUs: 'talk-to-us' } as const;

/** What the customer wants, as far as a small bot can tell. */
export type BotIntent =
  | { kind: 'menu' }
  | { kind: 'track-order' }
  | { kind: 'talk-to-us' }
  | { kind: 'order-number'; orderId: string }
  | { kind: 'other' };

const GREETINGS = new Set(['hi', 'hello', 'hey', 'hola', 'menu', 'start', 'help']);
/** "1001", "#1001", "order 1001". */
const ORDER_NUMBER = /^(?:order\s*)?#?\s*(\d{1,12})$/;

/** Reads an incoming message as one of the bot's intents; anything it does not understand is `other`. */
export function recognizeIntent(message: ZixflowIncomingContent): BotIntent {
  if (message.type === 'reply') {
    return intentOfButton(message.reply.id);
  }
  if (message.type === 'text') {
    return intentOfText(message.text.body);
  }
  return { kind: 'other' };
}

function intentOfButton(id: string): BotIntent {
  if (id === MENU_BUTTON.trackOrder) return { kind: 'track-order' };
  if (id === MENU_BUTTON.talkToUs) return { kind: 'talk-to-us' };
  return { kind: 'other' };
}

/** Customers also type what the buttons say, so the labels work as text too. */
function intentOfText(body: string): BotIntent {
  const words = body
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s#]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (GREETINGS.has(words)) return { kind: 'menu' };
  if (words === 'track' || words === 'track order') return { kind: 'track-order' };
  if (words === 'talk to us') return { kind: 'talk-to-us' };
  const order = ORDER_NUMBER.exec(words);
  return order ? { kind: 'order-number', orderId: order[1] } : { kind: 'other' };
}
