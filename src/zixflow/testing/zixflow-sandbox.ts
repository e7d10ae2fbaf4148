import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SandboxInbox } from './inbox/sandbox-inbox.routes';
import { SANDBOX_VARIABLE_KEYS_PATH, SandboxTemplate, SandboxTemplateRegistry } from './sandbox-template-registry';
import { checkSessionMessageBody, checkTemplateMessageBody } from './sandbox-body-checks';
import { SandboxConversationLog } from './sandbox-conversation.log';
import { buildIncomingPayload, type SandboxAccount } from './sandbox-incoming-payload';
import { isJsonContentType } from './sandbox-json-content-type';
import { loopbackUrlProblem, postJsonToLoopback } from './sandbox-loopback-client';
import { SandboxReportSender } from './sandbox-report-sender';
import { SandboxStatusTimeline } from './sandbox-status.timeline';
import type {
  SandboxAppConnection,
  SandboxConversation,
  SandboxIncomingOptions,
  SandboxMessageStatus,
  SandboxRecordedRequest,
  SandboxReportDelivery,
  SandboxReportStatus,
  SandboxScriptedResponse,
  SandboxSentMessage,
  SandboxWebhookResult,
  ZixflowSandboxOptions,
} from './zixflow-sandbox.types';

/*
 * A fake of Zixflow's campaign WhatsApp API that runs in-process on
 * 127.0.0.1. It only depends on node built-ins and on its own body checks so
 * that it can catch client bugs instead of sharing them.
 */

const HOST = '127.0.0.1';
const DEFAULT_API_KEY = 'sandbox-api-key';
const SESSION_MESSAGE_PATH = '/api/v1/campaign/whatsapp/message/send';
const TEMPLATE_MESSAGE_PATH = '/api/v1/campaign/whatsapp/send';
/** Large enough for any legitimate send (text is capped at 4096 chars), small enough to keep a runaway client from eating memory. */
const MAX_BODY_BYTES = 1024 * 1024;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const DEFAULT_ACCOUNT: SandboxAccount = { phoneId: '100000000000001', wabaId: '100000000000002' };
const DEFAULT_REPORT_DELAY_MS = 50;
const DEFAULT_WEBHOOK_SECRET_HEADER = 'x-zixflow-secret';
const DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;

type BodyCheck = (body: unknown) => string[];

const SEND_ROUTES: ReadonlyMap<string, BodyCheck> = new Map([
  [SESSION_MESSAGE_PATH, checkSessionMessageBody],
  [TEMPLATE_MESSAGE_PATH, checkTemplateMessageBody],
]);

interface ReceivedBody {
  raw: string;
  /** False when the bytes are not valid UTF-8 (raw then contains replacement characters). */
  validUtf8: boolean;
  tooLarge: boolean;
}

/** What the normal (unscripted) API logic decided for one request. */
interface Verdict {
  status: number;
  payload: Record<string, unknown>;
  headers?: Record<string, string>;
  accepted?: { path: string; body: Record<string, unknown> };
}

/** How the sandbox was started, as the constructor needs it. */
interface SandboxSettings {
  /** Pause between status steps. */
  statusDelayMs: number;
  reportsEnabled: boolean;
  inbox: boolean;
}

interface RequestWaiter {
  count: number;
  resolve: (requests: SandboxRecordedRequest[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Local stand-in for the Zixflow campaign API, for tests and the example app.
 * It validates requests more strictly than the docs strictly require, records
 * everything it receives, and can be scripted to misbehave (errors, delays,
 * dropped or stalled connections) so client failure paths can be tested
 * without touching the real, billed API. It also plays Zixflow's webhooks:
 * customer messages ({@link ZixflowSandbox.simulateIncoming}) and delivery
 * reports to a message's `reportURL`, posted to loopback addresses only. At
 * {@link ZixflowSandbox.inboxUrl} it serves the inbox, a WhatsApp-like page of
 * every conversation where a person can also write as the customer.
 */
export class ZixflowSandbox {
  private readonly server: Server;
  private readonly recorded: SandboxRecordedRequest[] = [];
  private readonly templates = new SandboxTemplateRegistry();
  private readonly accepted: SandboxSentMessage[] = [];
  private readonly scriptedQueue: SandboxScriptedResponse[] = [];
  private defaultScripted: SandboxScriptedResponse | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly waiters = new Set<RequestWaiter>();
  /** Pending `delayMs` timers, each with the function that releases its waiting handler. */
  private readonly delays = new Map<NodeJS.Timeout, () => void>();
  private listeningPort = 0;
  private stopping: Promise<void> | undefined;
  /** Outbound webhook calls still waiting for the app, so stop() can abort them. */
  private readonly outbound = new Set<AbortController>();
  private readonly reports: SandboxReportSender;
  private readonly timeline: SandboxStatusTimeline;
  private readonly conversationLog = new SandboxConversationLog();
  private readonly inbox: SandboxInbox | undefined;
  private app: SandboxAppConnection | undefined;

  private constructor(
    private readonly expectedApiKey: string,
    private readonly account: SandboxAccount,
    settings: SandboxSettings,
  ) {
    this.reports = new SandboxReportSender(settings.reportsEnabled);
    this.timeline = new SandboxStatusTimeline(settings.statusDelayMs, (message, status) =>
      this.statusChanged(message, status),
    );
    this.inbox = settings.inbox ? this.createInbox() : undefined;
    this.server = createServer((req, res) => this.handleRequest(req, res));
    this.server.on('connection', (socket: Socket) => this.trackSocket(socket));
  }

  /** Starts a sandbox on 127.0.0.1 only, so tests never expose a fake API to the network. */
  static async start(options: ZixflowSandboxOptions = {}): Promise<ZixflowSandbox> {
    const port = options.port ?? 0;
    const apiKey = options.apiKey ?? DEFAULT_API_KEY;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new RangeError(`ZixflowSandbox: invalid port ${port}`);
    if (apiKey === '') throw new RangeError('ZixflowSandbox: apiKey must not be empty');
    const account = {
      phoneId: options.phoneId ?? DEFAULT_ACCOUNT.phoneId,
      wabaId: options.wabaId ?? DEFAULT_ACCOUNT.wabaId,
    };
    const reportsEnabled = options.deliveryReports !== false;
    const settings = {
      statusDelayMs: statusDelay(options.deliveryReports),
      reportsEnabled,
      inbox: options.inbox !== false,
    };
    const sandbox = new ZixflowSandbox(apiKey, account, settings);
    await sandbox.listen(port);
    return sandbox;
  }

  /** Base URL to configure the client with, e.g. `http://127.0.0.1:49152`. */
  get url(): string {
    return `http://${HOST}:${this.listeningPort}`;
  }

  get port(): number {
    return this.listeningPort;
  }

  /**
   * The inbox page, e.g. `http://127.0.0.1:49152/`: every conversation as WhatsApp-like bubbles with
   * live delivery statuses, and a composer to write as the customer (once {@link connectApp} was
   * called). Served on 127.0.0.1 only; undefined when started with `inbox: false`.
   */
  get inboxUrl(): string | undefined {
    return this.inbox === undefined ? undefined : `${this.url}/`;
  }

  /** Every conversation so far (the app's sends and the customers' messages), the most recently active first. Copies. */
  get conversations(): SandboxConversation[] {
    return this.conversationLog.list().map(({ conversation }) => conversation);
  }

  /** Where an accepted message is: `accepted`, `sent`, `delivered` or `read`; undefined for an unknown id. */
  messageStatus(messageId: string): SandboxMessageStatus | undefined {
    return this.timeline.statusOf(messageId);
  }

  /**
   * Tells the sandbox where your app receives customer messages, so the inbox can write as a
   * customer and {@link simulateIncoming} works without `to` and `secret`. Call it again to change
   * it. Only loopback `http://` URLs are accepted.
   */
  connectApp(connection: SandboxAppConnection): this {
    const problem = loopbackUrlProblem(connection.incomingUrl);
    if (problem !== undefined)
      throw new RangeError(`ZixflowSandbox: incomingUrl ${JSON.stringify(connection.incomingUrl)} ${problem}`);
    this.app = { ...connection };
    this.inbox?.appChanged();
    return this;
  }

  get apiKey(): string {
    return this.expectedApiKey;
  }

  /** Business phone-number id that simulated customers write to. */
  get phoneId(): string {
    return this.account.phoneId;
  }

  /** WhatsApp Business Account id in simulated incoming messages. */
  get wabaId(): string {
    return this.account.wabaId;
  }

  /** Delivery reports posted (or skipped) for messages with a `reportURL`, oldest first. A copy. */
  get reportDeliveries(): readonly SandboxReportDelivery[] {
    return this.reports.records;
  }

  /** Every request in the order its body finished arriving, rejected ones included. A copy, so later traffic cannot change it under a test. */
  get requests(): readonly SandboxRecordedRequest[] {
    return [...this.recorded];
  }

  get lastRequest(): SandboxRecordedRequest | undefined {
    return this.recorded[this.recorded.length - 1];
  }

  /** Sends the sandbox accepted (normal logic only; scripted responses never add here). */
  get messages(): readonly SandboxSentMessage[] {
    return [...this.accepted];
  }

  /** Queues one-shot responses consumed in order by the next requests on any path; they bypass auth and body checks. */
  respondNext(...responses: SandboxScriptedResponse[]): this {
    responses.forEach(assertValidScript);
    this.scriptedQueue.push(...responses);
    return this;
  }

  /** Sets the response used whenever the one-shot queue is empty; `undefined` restores normal behaviour. */
  respondAlways(response: SandboxScriptedResponse | undefined): this {
    if (response !== undefined) assertValidScript(response);
    this.defaultScripted = response;
    return this;
  }

  /**
   * Plays a customer writing to your WhatsApp number: POSTs a realistic `incoming.whatsapp.message`
   * payload (fresh `eventId`, 13-digit timestamp, `wamid.` id) to your app's webhook URL, with the
   * secret in the `x-zixflow-secret` header, and resolves with your app's answer. Without `to`, the
   * app given to {@link connectApp} is called with its secret. Only loopback URLs are called. The
   * message joins the conversation in the inbox, and marks the app's earlier messages in that
   * conversation `read`.
   */
  async simulateIncoming(options: SandboxIncomingOptions): Promise<SandboxWebhookResult> {
    if (this.stopping !== undefined) throw new Error('ZixflowSandbox: stopped; cannot simulate an incoming message');
    const target = this.webhookTarget(options);
    const payload = buildIncomingPayload(options, this.account);
    const headers: Record<string, string> = { ...options.headers };
    if (target.secret !== undefined) headers[target.secretHeader ?? DEFAULT_WEBHOOK_SECRET_HEADER] = target.secret;
    const entry = this.conversationLog.addIncoming(payload);
    this.timeline.markRead(this.conversationLog.unreadOutgoing(payload.sender.number, payload.phoneId));
    const controller = new AbortController();
    this.outbound.add(controller);
    try {
      const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
      const answer = await postJsonToLoopback(target.url, payload, { headers, timeoutMs, signal: controller.signal });
      this.conversationLog.setWebhookResult(entry.id, { status: answer.status });
      return { ...answer, payload };
    } catch (error) {
      this.conversationLog.setWebhookResult(entry.id, {
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      this.outbound.delete(controller);
    }
  }

  /**
   * Makes a template known to the variable-keys endpoint (`GET /api/v1/campaign/whatsapp/variable-keys`),
   * so template pre-flight checks can be tested. `clear()` does not forget templates.
   */
  registerTemplate(template: SandboxTemplate): this {
    this.templates.register(template);
    return this;
  }

  /**
   * Forgets recorded requests, messages, conversations, queued responses, the `respondAlways`
   * default and delivery reports (pending status steps and reports are cancelled), so one sandbox
   * can serve many tests. The connected app stays connected.
   */
  clear(): void {
    this.timeline.forgetAll();
    this.reports.cancelAll();
    this.reports.forget();
    this.conversationLog.clear();
    this.recorded.length = 0;
    this.accepted.length = 0;
    this.scriptedQueue.length = 0;
    this.defaultScripted = undefined;
  }

  /**
   * Resolves with all recorded requests once at least `count` exist. Lets a
   * test synchronise with fire-and-forget or retrying clients without sleeps.
   */
  waitForRequests(count: number, timeoutMs = 5000): Promise<SandboxRecordedRequest[]> {
    if (!Number.isInteger(count) || count < 0)
      return Promise.reject(new RangeError(`ZixflowSandbox: invalid request count ${count}`));
    if (this.recorded.length >= count) return Promise.resolve([...this.recorded]);
    if (this.stopping !== undefined) return Promise.reject(this.stoppedWhileWaitingError(count));
    return new Promise((resolve, reject) => {
      const waiter: RequestWaiter = {
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(this.timeoutError(count, timeoutMs));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Idempotent. Destroys every socket (idle keep-alive and stalled ones too)
   * and releases pending delays, so the port is freed at once and jest does
   * not report open handles.
   */
  async stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    await this.stopping;
  }

  // ------------------------------------------------------------ lifecycle

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, HOST, () => {
        this.server.off('error', onError);
        this.listeningPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async shutDown(): Promise<void> {
    this.timeline.stop();
    this.reports.stop();
    this.inbox?.close();
    this.outbound.forEach((controller) => controller.abort());
    this.releaseDelays();
    this.rejectWaiters();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    this.sockets.forEach((socket) => socket.destroy());
    await closed;
  }

  private trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private releaseDelays(): void {
    for (const [timer, release] of this.delays) {
      clearTimeout(timer);
      release();
    }
    this.delays.clear();
  }

  private rejectWaiters(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(this.stoppedWhileWaitingError(waiter.count));
    }
    this.waiters.clear();
  }

  // ------------------------------------------------------- request flow

  private handleRequest(req: IncomingMessage, res: ServerResponse): void {
    // The inbox is routed first so its traffic is never recorded nor answered by a scripted response.
    const pathname = pathnameOf(req);
    const forInbox = this.inbox !== undefined && pathname !== undefined && this.inbox.handles(pathname);
    const handling = forInbox ? this.inbox.handle(req, res, pathname) : this.processRequest(req, res);
    handling.catch((error: unknown) => respondToFailure(res, error));
  }

  private createInbox(): SandboxInbox {
    return new SandboxInbox({
      port: () => this.listeningPort,
      phoneId: this.account.phoneId,
      log: this.conversationLog,
      isAppConnected: () => this.app !== undefined,
      deliver: (options) => this.simulateIncoming(options),
    });
  }

  /** Where a simulated message goes: the explicit `to` (with only the secret given alongside), else the connected app. */
  private webhookTarget(options: SandboxIncomingOptions): { url: string; secret?: string; secretHeader?: string } {
    if (options.to !== undefined)
      return { url: options.to, secret: options.secret, secretHeader: options.secretHeader };
    if (this.app === undefined) {
      throw new Error(
        'ZixflowSandbox: simulateIncoming needs `to`, or an app connected with connectApp({ incomingUrl, secret })',
      );
    }
    return {
      url: this.app.incomingUrl,
      secret: options.secret ?? this.app.secret,
      secretHeader: options.secretHeader ?? this.app.secretHeader,
    };
  }

  /** One step of a message's timeline: shown in the inbox and reported to its `reportURL`. */
  private statusChanged(message: SandboxSentMessage, status: SandboxReportStatus): void {
    this.conversationLog.setStatus(message.messageId, status);
    this.reports.report(message, status);
  }

  private async processRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const received = await readBody(req);
    const request = buildRecord(req, received);
    this.record(request);
    if (received.tooLarge) {
      // Not scripted: the cap protects the test process itself, whatever the script says.
      sendJson(res, 413, { status: false, message: 'Payload too large' }, { connection: 'close' });
      return;
    }
    const scripted = this.scriptedQueue.shift() ?? this.defaultScripted;
    if (scripted !== undefined) await this.playScript(req, res, scripted);
    else this.answerNormally(res, request, received);
  }

  private record(request: SandboxRecordedRequest): void {
    this.recorded.push(request);
    for (const waiter of this.waiters) {
      if (this.recorded.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve([...this.recorded]);
    }
  }

  private answerNormally(res: ServerResponse, request: SandboxRecordedRequest, received: ReceivedBody): void {
    if (request.path === SANDBOX_VARIABLE_KEYS_PATH && request.method === 'GET') {
      this.answerVariableKeys(res, request);
      return;
    }
    const verdict = judgeRequest(request, received, this.expectedApiKey);
    if (verdict.accepted === undefined) {
      sendJson(res, verdict.status, verdict.payload, verdict.headers);
      return;
    }
    const message = this.acceptMessage(verdict.accepted.path, verdict.accepted.body, request.receivedAt);
    const ids =
      verdict.accepted.body.submissionStatus === true
        ? { campaignId: message.campaignId, messageId: message.messageId }
        : {};
    sendJson(res, verdict.status, { ...verdict.payload, ...ids });
  }

  private answerVariableKeys(res: ServerResponse, request: SandboxRecordedRequest): void {
    if (request.headers.authorization !== `Bearer ${this.expectedApiKey}`) {
      sendJson(res, 401, { status: false, message: 'Unauthorised' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    const answer = this.templates.answer(request.query);
    sendJson(res, answer.status, answer.payload);
  }

  private acceptMessage(path: string, body: Record<string, unknown>, receivedAt: Date): SandboxSentMessage {
    const message: SandboxSentMessage = { messageId: objectId(), campaignId: objectId(), path, body, receivedAt };
    this.accepted.push(message);
    this.conversationLog.addOutgoing(message);
    this.reports.accept(message);
    this.timeline.track(message);
    return message;
  }

  private async playScript(req: IncomingMessage, res: ServerResponse, script: SandboxScriptedResponse): Promise<void> {
    if (script.delayMs !== undefined && script.delayMs > 0) await this.delay(script.delayMs);
    if (this.stopping !== undefined || res.destroyed) return;
    if (script.drop === true) {
      req.socket.destroy();
      return;
    }
    // A stalled request is simply never answered; stop() destroys its socket.
    if (script.stall === true) return;
    sendScripted(res, script);
  }

  /** A tracked timer, so stop() can cancel it instead of leaving a handle that keeps jest alive. */
  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve();
      }, ms);
      this.delays.set(timer, resolve);
    });
  }

  // ------------------------------------------------------------- errors

  private timeoutError(count: number, timeoutMs: number): Error {
    const seen = this.recorded.map((r) => `${r.method} ${r.path}`).join(', ') || 'none';
    return new Error(
      `ZixflowSandbox: timed out after ${timeoutMs} ms waiting for ${count} request(s); received ${this.recorded.length} (${seen})`,
    );
  }

  private stoppedWhileWaitingError(count: number): Error {
    return new Error(`ZixflowSandbox: stopped while waiting for ${count} request(s); received ${this.recorded.length}`);
  }
}

// ------------------------------------------------------ request reading

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES. An oversized body is
 * still drained (not cut off) so the client reliably receives the 413
 * instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<ReceivedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve({ raw: '', validUtf8: true, tooLarge: true });
      else resolve(decodeBody(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the connection before the body was complete'));
    });
  });
}

function decodeBody(bytes: Buffer): ReceivedBody {
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true }).decode(bytes), validUtf8: true, tooLarge: false };
  } catch {
    return { raw: bytes.toString('utf8'), validUtf8: false, tooLarge: false };
  }
}

function buildRecord(req: IncomingMessage, received: ReceivedBody): SandboxRecordedRequest {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  return {
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...req.headers },
    body: parseJson(received.raw),
    rawBody: received.raw,
    receivedAt: new Date(),
  };
}

/** The request's path, or undefined when its target does not parse (the API flow then answers it, as before the inbox existed). */
function pathnameOf(req: IncomingMessage): string | undefined {
  const target = req.url ?? '/';
  return URL.canParse(target, `http://${HOST}`) ? new URL(target, `http://${HOST}`).pathname : undefined;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------ normal API logic

/**
 * The order mirrors a typical API gateway: route, then method, then auth,
 * then content, then business validation. Tests rely on it (a bad key with a
 * bad body must give 401, not 400).
 */
function judgeRequest(request: SandboxRecordedRequest, received: ReceivedBody, apiKey: string): Verdict {
  const check = SEND_ROUTES.get(request.path);
  if (check === undefined) return { status: 404, payload: { status: false, message: 'Not found' } };
  if (request.method !== 'POST') {
    return { status: 405, payload: { status: false, message: 'Method not allowed' }, headers: { allow: 'POST' } };
  }
  if (request.headers.authorization !== `Bearer ${apiKey}`) {
    return {
      status: 401,
      payload: { status: false, message: 'Unauthorised' },
      headers: { 'www-authenticate': 'Bearer' },
    };
  }
  const content = readJsonObject(request, received);
  if (!content.ok) return invalidData([content.problem]);
  const problems = check(content.body);
  if (problems.length > 0) return invalidData(problems);
  return {
    status: 200,
    payload: { status: true, message: 'Message sent successfully' },
    accepted: { path: request.path, body: content.body },
  };
}

type JsonObjectRead = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

/** Narrows the recorded body to a JSON object, or says why it cannot be one. */
function readJsonObject(request: SandboxRecordedRequest, received: ReceivedBody): JsonObjectRead {
  const contentType = request.headers['content-type'];
  if (typeof contentType !== 'string' || !isJsonContentType(contentType)) {
    return {
      ok: false,
      problem: `content-type: must be application/json (got ${JSON.stringify(contentType ?? null)})`,
    };
  }
  if (!received.validUtf8) return { ok: false, problem: 'body: must be valid UTF-8' };
  const body = request.body;
  if (body === undefined) return { ok: false, problem: 'body: must be valid JSON' };
  if (!isJsonObject(body)) return { ok: false, problem: 'body: must be a JSON object' };
  return { ok: true, body };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidData(details: string[]): Verdict {
  return { status: 400, payload: { status: false, message: 'Invalid data Provided', details } };
}

/** 24 hex chars: the real API returns Mongo ObjectIds, and clients may validate that shape. */
function objectId(): string {
  return randomBytes(12).toString('hex');
}

// -------------------------------------------------------- responding

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(payload), { 'content-type': JSON_CONTENT_TYPE, ...headers });
}

function sendScripted(res: ServerResponse, script: SandboxScriptedResponse): void {
  const body =
    script.body === undefined ? '' : typeof script.body === 'string' ? script.body : JSON.stringify(script.body);
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE };
  for (const [name, value] of Object.entries(script.headers ?? {})) headers[name.toLowerCase()] = value;
  sendRaw(res, script.status ?? 200, body, headers);
}

/** 204 and 304 must not carry a body, so a scripted body is dropped rather than framing the response wrongly. */
function sendRaw(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  const content = status === 204 || status === 304 ? '' : body;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(content)) });
  res.end(content);
}

/** Last resort: a bug in the sandbox must surface as a 500 the test can see, never as a hang. */
function respondToFailure(res: ServerResponse, error: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendJson(res, 500, { status: false, message: `Sandbox error: ${message}` }, { connection: 'close' });
}

/** The pause before each status step; with reports switched off the inbox still shows the steps at the default pace. */
function statusDelay(setting: ZixflowSandboxOptions['deliveryReports']): number {
  if (setting === false) return DEFAULT_REPORT_DELAY_MS;
  const delayMs = setting?.delayMs ?? DEFAULT_REPORT_DELAY_MS;
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new RangeError(`ZixflowSandbox: deliveryReports.delayMs must be a non-negative number (got ${delayMs})`);
  return delayMs;
}

/** Fails fast in the test that scripts an impossible response, rather than later inside the server. */
function assertValidScript(script: SandboxScriptedResponse): void {
  const status = script.status ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError(`ZixflowSandbox: scripted status must be an integer 200-599 (got ${status})`);
  }
  const delayMs = script.delayMs ?? 0;
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new RangeError(`ZixflowSandbox: scripted delayMs must be a non-negative number (got ${delayMs})`);
  }
}
