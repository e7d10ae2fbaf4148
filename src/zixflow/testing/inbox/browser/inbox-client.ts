import { INBOX_API_PATHS } from '../shared/inbox.constants.js';
import type {
  InboxCustomerMessage,
  InboxCustomerMessageAnswer,
  InboxEvents,
  InboxStateView,
} from '../shared/inbox-view.types.js';

/*
 * The page's only traffic: its own origin's inbox API (the Content-Security-Policy allows nothing
 * else). A snapshot on load, an event stream for every change, and a POST per customer message.
 */

/** What the event stream tells the page. */
export type InboxEventHandlers = { [Name in keyof InboxEvents]: (data: InboxEvents[Name]) => void } & {
  /** The stream (re)connected: anything may have changed meanwhile, so the page reloads the snapshot. */
  open(): void;
};

/** Every conversation, the business number and whether an app is connected. */
export async function fetchState(): Promise<InboxStateView> {
  const response = await fetch(INBOX_API_PATHS.conversations, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The sandbox answered HTTP ${response.status}`);
  return (await response.json()) as InboxStateView;
}

/** Posts a customer message; `ok` is false when the sandbox refused it or could not deliver it. */
export async function postCustomerMessage(
  message: InboxCustomerMessage,
): Promise<{ ok: boolean; answer: InboxCustomerMessageAnswer }> {
  const response = await fetch(INBOX_API_PATHS.customerMessage, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(message),
  });
  return { ok: response.ok, answer: (await response.json()) as InboxCustomerMessageAnswer };
}

/** Opens the event stream; the browser reconnects by itself when it drops. */
export function listenToEvents(handlers: InboxEventHandlers): EventSource {
  const source = new EventSource(INBOX_API_PATHS.events);
  source.addEventListener('open', () => handlers.open());
  on(source, 'conversation', handlers.conversation);
  on(source, 'reset', handlers.reset);
  on(source, 'app', handlers.app);
  return source;
}

function on<Name extends keyof InboxEvents>(
  source: EventSource,
  name: Name,
  handler: (data: InboxEvents[Name]) => void,
): void {
  source.addEventListener(name, (event: MessageEvent<string>) => handler(JSON.parse(event.data) as InboxEvents[Name]));
}
