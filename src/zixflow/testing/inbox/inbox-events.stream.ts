import type { IncomingMessage, ServerResponse } from 'node:http';
import { inboxHeaders } from './inbox-http';
import type { InboxEvents } from './shared/inbox-view.types';

/** How soon a page reconnects after losing the stream, e.g. while the app restarts. */
const RECONNECT_AFTER_MS = 1000;

/**
 * Server-Sent Events to every open inbox page: the page hears about changes the moment they happen,
 * without polling, over a plain HTTP response (no WebSocket, no dependency).
 */
export class InboxEventStream {
  private readonly clients = new Set<ServerResponse>();

  /** Turns the response into an event stream that stays open until the page or the sandbox closes it. */
  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, inboxHeaders({ 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' }));
    res.write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
    this.clients.add(res);
    const forget = (): void => {
      this.clients.delete(res);
    };
    req.once('close', forget);
    res.once('close', forget);
  }

  /** Sends one event to every page. JSON never contains a raw newline, so one `data:` line always holds it. */
  send<Name extends keyof InboxEvents>(event: Name, data: InboxEvents[Name]): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) {
      if (client.destroyed || client.writableEnded) this.clients.delete(client);
      else client.write(frame);
    }
  }

  /** Ends every stream, e.g. when the sandbox stops. */
  closeAll(): void {
    this.clients.forEach((client) => client.end());
    this.clients.clear();
  }
}
