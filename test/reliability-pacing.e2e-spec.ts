import {
  ZixflowModuleOptions,
  ZixflowPacingQueueFullError,
  ZixflowRateLimitOptions,
  ZixflowSendResult,
  ZixflowTimeoutError,
} from '../src/zixflow';
import { SandboxRecordedRequest, ZixflowSandbox } from '../src/zixflow/testing';
import {
  API_KEY,
  FAST_RETRY,
  PHONE_ID,
  VIDEO,
  caught,
  pause,
  startWhatsapp,
  WhatsappUnderTest,
} from './reliability.helpers';

const OTHER_PHONE_ID = '209876543210987';

/**
 * Slack for times measured at the sandbox: a request that had to open a new connection, or met a
 * busy event loop, arrives some milliseconds late. Lower bounds are what pacing guarantees (a send
 * is never early), so they are tight; upper bounds only guard against "not paced at all" or "far
 * too slow" and are loose, because a loaded CI machine delays everything.
 */
const SLACK_MS = 40;

// Pacing tests wait for real time; a loaded machine needs more than Jest's default 5 s.
jest.setTimeout(30_000);

/** Milliseconds between consecutive requests, as the sandbox received them. */
function gaps(requests: readonly SandboxRecordedRequest[]): number[] {
  return requests.slice(1).map((request, index) => request.receivedAt.getTime() - requests[index].receivedAt.getTime());
}

/** When each request arrived, in milliseconds after the first one. */
function offsets(requests: readonly SandboxRecordedRequest[]): number[] {
  return requests.map((request) => request.receivedAt.getTime() - requests[0].receivedAt.getTime());
}

/**
 * Pacing never sends early: the k-th send of a number starts at least k intervals after the first
 * (after its `burst`). Checked cumulatively rather than gap by gap, because after an event-loop
 * stall the sends it owes are caught up back to back, which is still on schedule.
 */
function expectOnSchedule(requests: readonly SandboxRecordedRequest[], intervalMs: number, burst = 1): void {
  const early = offsets(requests)
    .map((offset, index) => ({
      request: index,
      offset,
      earliest: Math.max(0, index - burst + 1) * intervalMs - SLACK_MS,
    }))
    .filter(({ offset, earliest }) => offset < earliest);
  expect(early).toEqual([]);
}

function span(requests: readonly SandboxRecordedRequest[]): number {
  return requests[requests.length - 1].receivedAt.getTime() - requests[0].receivedAt.getTime();
}

describe('reliability: pacing per sending number', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest | undefined;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
  });

  afterEach(async () => {
    sandbox.clear();
    await service?.moduleRef.close();
    service = undefined;
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  async function start(
    rateLimit: ZixflowRateLimitOptions | undefined,
    options: Partial<ZixflowModuleOptions> = {},
  ): Promise<WhatsappUnderTest> {
    service = await startWhatsapp({ baseUrl: sandbox.url, retry: FAST_RETRY, rateLimit, ...options });
    return service;
  }

  function sendAll(count: number, phoneId = PHONE_ID): Promise<ZixflowSendResult[]> {
    const { whatsapp } = service as WhatsappUnderTest;
    return Promise.all(Array.from({ length: count }, () => whatsapp.sendVideo({ ...VIDEO, phoneId })));
  }

  it('without rateLimit, sends are not held back', async () => {
    await start(undefined);

    await sendAll(10);

    expect(sandbox.requests).toHaveLength(10);
    // Paced at any rate that matters, ten sends would take hundreds of milliseconds.
    expect(span(sandbox.requests)).toBeLessThan(300);
  });

  it('perSecond 10 (burst 1): six sends at once go out 100 ms apart', async () => {
    await start({ perSecond: 10 });

    await sendAll(6);

    expect(sandbox.requests).toHaveLength(6);
    expectOnSchedule(sandbox.requests, 100);
    expect(span(sandbox.requests)).toBeLessThan(5 * 100 + 1000);
  });

  it('burst 3: three go at once, the fourth waits one interval', async () => {
    await start({ perSecond: 5, burst: 3 });

    await sendAll(4);

    expectOnSchedule(sandbox.requests, 200, 3);
    expect(offsets(sandbox.requests)[2]).toBeLessThan(150);
  });

  it('each phoneId has its own budget: two numbers send in parallel, each at its own rate', async () => {
    await start({ perSecond: 10 });

    await Promise.all([sendAll(4, PHONE_ID), sendAll(4, OTHER_PHONE_ID)]);

    const byPhone = (phoneId: string): SandboxRecordedRequest[] =>
      sandbox.requests.filter((request) => (request.body as { phoneId: string }).phoneId === phoneId);
    const [first, other] = [byPhone(PHONE_ID), byPhone(OTHER_PHONE_ID)];
    expect([first.length, other.length]).toEqual([4, 4]);
    expectOnSchedule(first, 100);
    expectOnSchedule(other, 100);
    // Sharing one budget, the other number's sends would all come after this one's.
    expect(other[1].receivedAt.getTime()).toBeLessThan(first[3].receivedAt.getTime());
  });

  it('a caller beyond maxQueued is refused at once with ZixflowPacingQueueFullError, and nothing is sent for it', async () => {
    const { whatsapp } = await start({ perSecond: 5, maxQueued: 1 });

    const first = whatsapp.sendVideo(VIDEO);
    const settled: string[] = [];
    const queued = whatsapp.sendVideo(VIDEO).finally(() => settled.push('queued'));
    const refused = await caught(whatsapp.sendVideo(VIDEO));
    settled.push('refused');

    // At once: before the queued send, which waits 200 ms for its slot, has settled.
    expect(settled[0]).toBe('refused');
    expect(refused).toBeInstanceOf(ZixflowPacingQueueFullError);
    expect(refused).toMatchObject({ phoneId: PHONE_ID, maxQueued: 1, attempts: 0, retryable: false });
    await expect(Promise.all([first, queued])).resolves.toHaveLength(2);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('the time-out covers the wait for a slot: a caller still queued when it expires gets ZixflowTimeoutError, nothing sent', async () => {
    const { whatsapp } = await start({ perSecond: 2 }, { timeoutMs: 200 });

    const first = whatsapp.sendVideo(VIDEO);
    const startedAt = Date.now();
    const error = await caught(whatsapp.sendVideo(VIDEO));
    const elapsed = Date.now() - startedAt;

    expect(error).toBeInstanceOf(ZixflowTimeoutError);
    expect(error).toMatchObject({ requestSent: false, retryable: false, attempts: 0, timeoutMs: 200 });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1000);
    await first;
    await pause(400);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('the time-out covers wait plus request: the request only gets what the wait left of the budget', async () => {
    const { whatsapp } = await start({ perSecond: 5 }, { timeoutMs: 300 });
    sandbox.respondNext(
      { status: 200, body: { status: true, message: 'ok' } },
      { delayMs: 250, status: 200, body: { status: true, message: 'slow' } },
    );

    const first = whatsapp.sendVideo(VIDEO);
    const startedAt = Date.now();
    // Waits ~200 ms for its token, so ~100 ms remain for a request the sandbox answers after 250 ms.
    const error = await caught(whatsapp.sendVideo(VIDEO));
    const elapsed = Date.now() - startedAt;

    expect(error).toBeInstanceOf(ZixflowTimeoutError);
    expect(error).toMatchObject({ requestSent: true, timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
    await first;
  });

  it('maxConcurrent 1: a request starts only when the previous one has answered', async () => {
    const { whatsapp } = await start({ perSecond: 1000, burst: 10, maxConcurrent: 1 });
    sandbox.respondAlways({ delayMs: 40, status: 200, body: { status: true, message: 'ok' } });

    await Promise.all(Array.from({ length: 4 }, () => whatsapp.sendVideo(VIDEO)));

    // Each request arrives after the previous answer, which the sandbox held for 40 ms.
    for (const gap of gaps(sandbox.requests)) {
      expect(gap).toBeGreaterThanOrEqual(39);
    }
  });

  it('retries are paced too: a retried 503 waits for its number’s next token', async () => {
    const { whatsapp } = await start({ perSecond: 5 });
    sandbox.respondNext({ status: 503, body: { status: false, message: 'busy' } });

    await expect(whatsapp.sendVideo(VIDEO)).resolves.toMatchObject({ status: true });

    expect(sandbox.requests).toHaveLength(2);
    expect(gaps(sandbox.requests)[0]).toBeGreaterThanOrEqual(200 - SLACK_MS);
  });
});
