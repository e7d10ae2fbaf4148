import { Agent } from 'node:http';
import { ZixflowSandbox } from './zixflow-sandbox';
import {
  activeTimerCount,
  connectionError,
  elapsedMs,
  rawPost,
  send,
  TEMPLATE_PATH,
  validTemplateBody,
} from './sandbox-http.spec-helper';

describe('ZixflowSandbox.stop', () => {
  it('is idempotent and releases the port', async () => {
    const sandbox = await ZixflowSandbox.start();
    await send(sandbox, TEMPLATE_PATH, validTemplateBody);
    await Promise.all([sandbox.stop(), sandbox.stop()]);
    await sandbox.stop();
    await expect(connectionError('127.0.0.1', sandbox.port)).resolves.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('closes idle keep-alive connections at once', async () => {
    const sandbox = await ZixflowSandbox.start();
    const agent = new Agent({ keepAlive: true });
    try {
      await rawPost(sandbox, JSON.stringify(validTemplateBody), agent);
      expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
    } finally {
      agent.destroy();
    }
  });

  it('resolves quickly after a client aborted a stalled request', async () => {
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondAlways({ stall: true });
    await expect(
      send(sandbox, TEMPLATE_PATH, validTemplateBody, { signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
  });

  it.each<[string, object]>([
    ['stalled', { stall: true }],
    ['delayed', { delayMs: 60_000 }],
  ])('destroys a %s connection the client is still waiting on', async (_case, script) => {
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondNext(script);
    const pending = rawPost(sandbox, JSON.stringify(validTemplateBody));
    const settled = pending.catch((error: NodeJS.ErrnoException) => error);
    await sandbox.waitForRequests(1);
    expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
    await expect(settled).resolves.toMatchObject({ code: 'ECONNRESET' });
  });

  it('clears a pending delayMs timer, so no handle outlives the sandbox', async () => {
    const timersBefore = activeTimerCount();
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondNext({ delayMs: 60_000 });
    const settled = rawPost(sandbox, JSON.stringify(validTemplateBody)).catch((error: NodeJS.ErrnoException) => error);
    await sandbox.waitForRequests(1);
    expect(activeTimerCount()).toBeGreaterThan(timersBefore);
    await sandbox.stop();
    await settled;
    expect(activeTimerCount()).toBeLessThanOrEqual(timersBefore);
  });

  it('rejects pending waitForRequests instead of leaving them hanging', async () => {
    const sandbox = await ZixflowSandbox.start();
    const waiting = sandbox.waitForRequests(1, 60_000);
    await sandbox.stop();
    await expect(waiting).rejects.toThrow('ZixflowSandbox: stopped while waiting for 1 request(s); received 0');
  });
});
