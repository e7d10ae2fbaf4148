import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxInbox } from './inbox/sandbox-inbox.routes';
import type { SandboxApiRules } from './sandbox-api.rules';
import type { SandboxRequestRecorder } from './sandbox-request.recorder';
import { buildRecord, pathnameOf, readBody } from './sandbox-request.reader';
import { respondToFailure, sendJson } from './sandbox-responses';
import type { SandboxScripts } from './sandbox-scripts';
import type { SandboxRecordedRequest } from './zixflow-sandbox.types';

/** The parts one request may pass through. */
export interface SandboxPipelineParts {
  /** Absent when the sandbox was started with `inbox: false`. */
  inbox: SandboxInbox | undefined;
  recorder: SandboxRequestRecorder;
  scripts: SandboxScripts;
  rules: SandboxApiRules;
  /** The `zixflowAccounts` name whose credentials a request carries; undefined for the default account's or none. */
  accountOf: (request: SandboxRecordedRequest) => string | undefined;
  /** Whether stop() was called; a delayed script must not answer afterwards. */
  stopped: () => boolean;
}

/**
 * The path of every request through the sandbox: the inbox's pages and API first, then the fake
 * Zixflow API, where a request is read, recorded, capped, and answered by a script or by the rules.
 */
export class SandboxRequestPipeline {
  constructor(private readonly parts: SandboxPipelineParts) {}

  /** Answers one request; a bug in any part becomes a 500 rather than a hang. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    // The inbox is routed first so its traffic is never recorded nor answered by a scripted response.
    const { inbox } = this.parts;
    const pathname = pathnameOf(req);
    const forInbox = inbox !== undefined && pathname !== undefined && inbox.handles(pathname);
    const handling = forInbox ? inbox.handle(req, res, pathname) : this.answerApi(req, res);
    handling.catch((error: unknown) => respondToFailure(res, error));
  }

  private async answerApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const received = await readBody(req);
    const request = buildRecord(req, received);
    // Tagged from the credentials alone, before any script runs, so a scripted answer is still told apart by account.
    const account = this.parts.accountOf(request);
    if (account !== undefined) request.account = account;
    this.parts.recorder.record(request);
    if (received.tooLarge) {
      // Not scripted: the cap protects the test process itself, whatever the script says.
      sendJson(res, 413, { status: false, message: 'Payload too large' }, { connection: 'close' });
      return;
    }
    const scripted = this.parts.scripts.next();
    if (scripted !== undefined) await this.parts.scripts.play(req, res, scripted, this.parts.stopped);
    else this.parts.rules.answer(res, request, received);
  }
}
