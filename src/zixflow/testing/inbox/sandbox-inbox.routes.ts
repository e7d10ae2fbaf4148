import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationLogEvent, SandboxConversationLog } from '../sandbox-conversation.log';
import { senderDigits } from '../sandbox-incoming-payload';
import type { SandboxIncomingOptions, SandboxWebhookResult } from '../zixflow-sandbox.types';
import { conversationView } from './inbox-conversation.view';
import { parseInboxCustomerMessage } from './inbox-customer-message.parser';
import { InboxEventStream } from './inbox-events.stream';
import { readInboxBody, sendInboxJson, sendInboxResponse } from './inbox-http';
import { INBOX_PAGE_PREFIX, inboxPageFile } from './inbox-page.files';
import { apiReadRefusal, apiWriteRefusal, hostRefusal, type InboxRefusal } from './inbox-request.guard';
import { conversationId } from './shared/customer-number';
import { INBOX_API_PATHS } from './shared/inbox.constants';
import type { InboxAccountView, InboxCustomerMessage, InboxListRow, InboxStateView } from './shared/inbox-view.types';

/** What the inbox needs from the sandbox; an interface so the inbox never reaches into the sandbox's internals. */
export interface InboxBackend {
  /** The sandbox's port, for the Host and Origin checks. */
  port(): number;
  readonly log: SandboxConversationLog;
  /** Every account the sandbox serves, the default first: label, business number, connected app. Never a key. */
  accounts(): InboxAccountView[];
  /** Delivers a customer message to the account's connected app, exactly as `simulateIncoming` does. */
  deliver(options: Omit<SandboxIncomingOptions, 'to'>): Promise<SandboxWebhookResult>;
}

/** Paths answered with one of the page's files, besides everything under {@link INBOX_PAGE_PREFIX}. */
const PAGE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['/', 'inbox.html'],
  ['/inbox', 'inbox.html'],
  ['/inbox/', 'inbox.html'],
  // Browsers ask for it on their own; answering here keeps that request out of the recorded API traffic.
  ['/favicon.ico', 'icon.svg'],
]);

const API = INBOX_API_PATHS;

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
    return PAGE_ALIASES.has(pathname) || pathname.startsWith('/inbox/');
  }

  /** Answers one inbox request. */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const pageFile = PAGE_ALIASES.get(pathname) ?? pageFileOf(pathname);
    if (pageFile !== undefined) return this.servePageFile(req, res, pageFile);
    if (pathname === API.conversations) return this.serveConversations(req, res);
    if (pathname === API.events) return this.serveEvents(req, res);
    if (pathname === API.customerMessage) return this.receiveCustomerMessage(req, res);
    sendInboxJson(res, 404, { message: 'Not found' });
  }

  /** Tells open pages which accounts have an app connected, so the composer can say why it is off. */
  appChanged(): void {
    const accounts = this.backend.accounts();
    this.events.send('app', { connected: accounts[0].appConnected, accounts });
  }

  /** Ends the open event streams and stops listening to the log. */
  close(): void {
    this.unsubscribe();
    this.events.closeAll();
  }

  private async servePageFile(req: IncomingMessage, res: ServerResponse, relative: string): Promise<void> {
    const refusal = methodRefusal(req, 'GET') ?? hostRefusal(req, this.backend.port());
    if (refusal !== undefined) return refuse(res, refusal);
    const file = await inboxPageFile(relative);
    if (file === undefined) return refuse(res, { status: 404, message: 'Not found' });
    sendInboxResponse(res, 200, file.contentType, file.body);
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
    const account = this.backend.accounts().find((known) => known.account === parsed.message.account);
    if (account === undefined) {
      return refuse(res, { status: 400, message: `Unknown account ${JSON.stringify(parsed.message.account)}` });
    }
    if (!account.appConnected) return refuse(res, { status: 409, message: notConnected(account) });
    await this.deliver(res, parsed.message, account);
  }

  private async deliver(res: ServerResponse, message: InboxCustomerMessage, account: InboxAccountView): Promise<void> {
    const customer = customerDigits(message.customer);
    if (typeof customer !== 'string') return refuse(res, customer);
    const phoneId = message.phoneId ?? account.phoneId;
    const id = conversationId(customer, phoneId, account.account);
    const name = message.name ?? this.backend.log.customerNameOf(customer, phoneId, account.account);
    const content =
      message.listReply !== undefined
        ? { message: listReply(message.listReply) }
        : message.reply !== undefined
          ? { message: buttonReply(message.reply) }
          : { text: message.text ?? '' };
    try {
      const result = await this.backend.deliver({
        ...(account.account !== undefined && { account: account.account }),
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
    const accounts = this.backend.accounts();
    return {
      appConnected: accounts[0].appConnected,
      phoneId: accounts[0].phoneId,
      accounts,
      revision: this.backend.log.currentRevision,
      conversations: this.backend.log.list().map(conversationView),
    };
  }

  private publish(event: ConversationLogEvent): void {
    if (event.kind === 'cleared') this.events.send('reset', { revision: event.revision });
    else this.events.send('conversation', conversationView(event));
  }
}

/** Why a customer of `account` cannot write yet, with the call that fixes it. */
function notConnected(account: InboxAccountView): string {
  const which = account.account === undefined ? '' : `account: ${JSON.stringify(account.account)}, `;
  const whose = account.account === undefined ? '' : ` for account ${account.account}`;
  return `No app is connected${whose}: call sandbox.connectApp({ ${which}incomingUrl, secret }) first`;
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

/** A row picked from a list, as Meta's Cloud API shapes it (the shape the webhook parser reads). */
function listReply(row: InboxListRow): Record<string, unknown> {
  return { type: 'interactive', interactive: { type: 'list_reply', list_reply: { ...row } } };
}

/** The file's path under the page's prefix, for a request there. */
function pageFileOf(pathname: string): string | undefined {
  return pathname.startsWith(INBOX_PAGE_PREFIX) ? pathname.slice(INBOX_PAGE_PREFIX.length) : undefined;
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
