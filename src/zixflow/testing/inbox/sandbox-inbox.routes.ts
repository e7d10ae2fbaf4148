import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationLogEvent, SandboxConversationLog } from '../sandbox-conversation.log';
import { conversationId } from '../sandbox-conversation.log';
import { senderDigits } from '../sandbox-incoming-payload';
import type { SandboxIncomingOptions, SandboxWebhookResult } from '../zixflow-sandbox.types';
import { INBOX_ICON_SVG } from './assets/inbox-icon.svg';
import { INBOX_PAGE_CSS } from './assets/inbox-page.css';
import { INBOX_PAGE_HTML } from './assets/inbox-page.html';
import { INBOX_PAGE_SCRIPT } from './assets/inbox-page.script';
import { conversationView } from './inbox-conversation.view';
import { parseInboxCustomerMessage, type InboxCustomerMessage } from './inbox-customer-message';
import { InboxEventStream } from './inbox-events.stream';
import { readInboxBody, sendInboxJson, sendInboxResponse } from './inbox-http';
import { apiReadRefusal, apiWriteRefusal, hostRefusal, type InboxRefusal } from './inbox-request.guard';
import type { InboxStateView } from './inbox-view.types';

/** What the inbox needs from the sandbox; an interface so the inbox never reaches into the sandbox's internals. */
export interface InboxBackend {
  /** The sandbox's port, for the Host and Origin checks. */
  port(): number;
  /** The sandbox's business number, for new conversations. */
  readonly phoneId: string;
  readonly log: SandboxConversationLog;
  isAppConnected(): boolean;
  /** Delivers a customer message to the connected app, exactly as `simulateIncoming` does. */
  deliver(options: Omit<SandboxIncomingOptions, 'to'>): Promise<SandboxWebhookResult>;
}

/** The page and its files. Kept in TypeScript string modules so they ship inside the built package. */
const ASSETS: ReadonlyMap<string, { contentType: string; body: string }> = new Map([
  ['/', { contentType: 'text/html; charset=utf-8', body: INBOX_PAGE_HTML }],
  ['/inbox/inbox.css', { contentType: 'text/css; charset=utf-8', body: INBOX_PAGE_CSS }],
  ['/inbox/inbox.js', { contentType: 'text/javascript; charset=utf-8', body: INBOX_PAGE_SCRIPT }],
  ['/inbox/icon.svg', { contentType: 'image/svg+xml', body: INBOX_ICON_SVG }],
  // Browsers ask for it on their own; answering here keeps that request out of the recorded API traffic.
  ['/favicon.ico', { contentType: 'image/svg+xml', body: INBOX_ICON_SVG }],
]);

const API = {
  conversations: '/inbox/api/conversations',
  events: '/inbox/api/events',
  customerMessage: '/inbox/api/customer-message',
} as const;

/** Customer messages are short; this leaves room for a 4096-character text in any script. */
const MAX_POST_BYTES = 64 * 1024;

/**
 * The sandbox's inbox: a WhatsApp-like page at `/` showing every conversation, plus the small JSON
 * and event-stream API under `/inbox/api/` it runs on. It lives beside the Zixflow API paths
 * (`/api/v1/...`) without touching them, needs no API key (it is reachable from this machine only)
 * and refuses requests from other sites.
 */
export class SandboxInbox {
  private readonly events = new InboxEventStream();
  private readonly unsubscribe: () => void;

  constructor(private readonly backend: InboxBackend) {
    this.unsubscribe = backend.log.subscribe((event) => this.publish(event));
  }

  /** Whether a path belongs to the inbox rather than to the fake Zixflow API. */
  handles(pathname: string): boolean {
    return ASSETS.has(pathname) || pathname === '/inbox' || pathname.startsWith('/inbox/');
  }

  /** Answers one inbox request. */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const asset = ASSETS.get(pathname === '/inbox' || pathname === '/inbox/' ? '/' : pathname);
    if (asset !== undefined) return this.serveAsset(req, res, asset);
    if (pathname === API.conversations) return this.serveConversations(req, res);
    if (pathname === API.events) return this.serveEvents(req, res);
    if (pathname === API.customerMessage) return this.receiveCustomerMessage(req, res);
    sendInboxJson(res, 404, { message: 'Not found' });
  }

  /** Tells open pages whether an app is connected, so the composer can say why it is off. */
  appChanged(): void {
    this.events.send('app', { connected: this.backend.isAppConnected() });
  }

  /** Ends the open event streams and stops listening to the log. */
  close(): void {
    this.unsubscribe();
    this.events.closeAll();
  }

  private serveAsset(req: IncomingMessage, res: ServerResponse, asset: { contentType: string; body: string }): void {
    const refusal = methodRefusal(req, 'GET') ?? hostRefusal(req, this.backend.port());
    if (refusal !== undefined) return refuse(res, refusal);
    sendInboxResponse(res, 200, asset.contentType, asset.body);
  }

  private serveConversations(req: IncomingMessage, res: ServerResponse): void {
    const refusal = methodRefusal(req, 'GET') ?? apiReadRefusal(req, this.backend.port());
    if (refusal !== undefined) return refuse(res, refusal);
    sendInboxJson(res, 200, this.state());
  }

  private serveEvents(req: IncomingMessage, res: ServerResponse): void {
    const refusal = methodRefusal(req, 'GET') ?? apiReadRefusal(req, this.backend.port());
    if (refusal !== undefined) return refuse(res, refusal);
    this.events.open(req, res);
  }

  private async receiveCustomerMessage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = methodRefusal(req, 'POST') ?? apiWriteRefusal(req, this.backend.port());
    // The body of a refused request is drained unread, so the answer still reaches the client.
    if (refusal !== undefined) {
      req.resume();
      return refuse(res, refusal);
    }
    const body = await readInboxBody(req, MAX_POST_BYTES);
    if (body.tooLarge) return refuse(res, { status: 413, message: 'Message too large' });
    const parsed = parseInboxCustomerMessage(parseJson(body.raw));
    if (!parsed.ok) return refuse(res, { status: 400, message: parsed.problem });
    if (!this.backend.isAppConnected()) {
      return refuse(res, {
        status: 409,
        message: 'No app is connected: call sandbox.connectApp({ incomingUrl, secret }) first',
      });
    }
    await this.deliver(res, parsed.message);
  }

  private async deliver(res: ServerResponse, message: InboxCustomerMessage): Promise<void> {
    const customer = customerDigits(message.customer);
    if (typeof customer !== 'string') return refuse(res, customer);
    const phoneId = message.phoneId ?? this.backend.phoneId;
    const id = conversationId(customer, phoneId);
    const name = message.name ?? this.backend.log.customerNameOf(customer, phoneId);
    const content =
      message.reply === undefined ? { text: message.text ?? '' } : { message: buttonReply(message.reply) };
    try {
      const result = await this.backend.deliver({
        from: customer,
        phoneId,
        ...(name !== undefined && { name }),
        ...content,
      });
      sendInboxJson(res, 200, { conversationId: id, webhookStatus: result.status });
    } catch (error) {
      // The bubble already shows the failure; the page also gets it as an answer.
      sendInboxJson(res, 502, {
        conversationId: id,
        message: `Not delivered to the app: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  private state(): InboxStateView {
    return {
      appConnected: this.backend.isAppConnected(),
      phoneId: this.backend.phoneId,
      revision: this.backend.log.currentRevision,
      conversations: this.backend.log.list().map(conversationView),
    };
  }

  private publish(event: ConversationLogEvent): void {
    if (event.kind === 'cleared') this.events.send('reset', { revision: event.revision });
    else this.events.send('conversation', conversationView(event));
  }
}

/** The customer number as digits, or why it is refused (the check is simulateIncoming's, whose field is called `from`). */
function customerDigits(typed: string): string | InboxRefusal {
  try {
    return senderDigits(typed);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { status: 400, message: problem.replace(/^ZixflowSandbox: from/, 'customer') };
  }
}

/** A tapped reply button as Meta's Cloud API shapes it (Zixflow relays it; its own shape is undocumented). */
function buttonReply(reply: { id: string; title: string }): Record<string, unknown> {
  return {
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: reply.id, title: reply.title } },
  };
}

function methodRefusal(req: IncomingMessage, allowed: 'GET' | 'POST'): InboxRefusal | undefined {
  return req.method === allowed ? undefined : { status: 405, message: `Use ${allowed}`, headers: { allow: allowed } };
}

function refuse(res: ServerResponse, refusal: InboxRefusal): void {
  sendInboxJson(res, refusal.status, { message: refusal.message }, refusal.headers);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
