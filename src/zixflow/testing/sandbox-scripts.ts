import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendScripted } from './sandbox-responses';
import type { SandboxScriptedResponse } from './zixflow-sandbox.types';

/**
 * The scripted answers a test queued (`respondNext`) or set for every request (`respondAlways`),
 * and how they are played: after an optional delay, as a normal answer, a dropped connection or
 * one never answered.
 */
export class SandboxScripts {
  private readonly queue: SandboxScriptedResponse[] = [];
  private fallback: SandboxScriptedResponse | undefined;
  /** Pending `delayMs` timers, each with the function that releases its waiting handler. */
  private readonly delays = new Map<NodeJS.Timeout, () => void>();

  /** Queues one-shot answers, checked now so a bad script fails in the test that wrote it. */
  enqueue(responses: SandboxScriptedResponse[]): void {
    responses.forEach(assertValidScript);
    this.queue.push(...responses);
  }

  /** Sets the answer used when the queue is empty; undefined restores the API's own answers. */
  setFallback(response: SandboxScriptedResponse | undefined): void {
    if (response !== undefined) assertValidScript(response);
    this.fallback = response;
  }

  /** The script for the next request, consuming a queued one first; undefined means answer normally. */
  next(): SandboxScriptedResponse | undefined {
    return this.queue.shift() ?? this.fallback;
  }

  /** Plays a script; `stopped` is asked after the delay, because stop() may have come meanwhile. */
  async play(
    req: IncomingMessage,
    res: ServerResponse,
    script: SandboxScriptedResponse,
    stopped: () => boolean,
  ): Promise<void> {
    if (script.delayMs !== undefined && script.delayMs > 0) await this.delay(script.delayMs);
    if (stopped() || res.destroyed) return;
    if (script.drop === true) {
      req.socket.destroy();
      return;
    }
    // A stalled request is simply never answered; stop() destroys its socket.
    if (script.stall === true) return;
    sendScripted(res, script);
  }

  /** Forgets the queue and the fallback. */
  clear(): void {
    this.queue.length = 0;
    this.fallback = undefined;
  }

  /** Cancels pending delays and lets their handlers finish, so no timer outlives the sandbox. */
  releaseDelays(): void {
    for (const [timer, release] of this.delays) {
      clearTimeout(timer);
      release();
    }
    this.delays.clear();
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
