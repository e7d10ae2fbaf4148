import { SandboxStatusTimeline } from './sandbox-status.timeline';
import type { SandboxSentMessage } from './zixflow-sandbox.types';

const message = (messageId: string): SandboxSentMessage => ({
  messageId,
  campaignId: 'c',
  api: 'campaign',
  kind: 'text',
  to: '13023895111',
  phoneId: 'p',
  path: '/p',
  body: {},
  receivedAt: new Date(),
});

describe('SandboxStatusTimeline', () => {
  let steps: string[];
  let timeline: SandboxStatusTimeline;

  beforeEach(() => {
    jest.useFakeTimers();
    steps = [];
    timeline = new SandboxStatusTimeline(50, (sent, status) => steps.push(`${sent.messageId}:${status}`));
  });

  afterEach(() => {
    timeline.stop();
    jest.useRealTimers();
  });

  it('moves a message to sent, then delivered, one pause apart, and stops there', () => {
    timeline.track(message('m1'));
    expect(timeline.statusOf('m1')).toBe('accepted');
    jest.advanceTimersByTime(50);
    expect(steps).toEqual(['m1:sent']);
    jest.advanceTimersByTime(50);
    jest.advanceTimersByTime(10_000);
    expect(steps).toEqual(['m1:sent', 'm1:delivered']);
    expect(timeline.statusOf('m1')).toBe('delivered');
  });

  it('marks read on request, passing through every step not reached yet, and only once', () => {
    timeline.track(message('m1'));
    timeline.markRead(['m1', 'unknown']);
    timeline.markRead(['m1']);
    jest.advanceTimersByTime(1000);
    expect(steps).toEqual(['m1:sent', 'm1:delivered', 'm1:read']);
  });

  it('forgets messages and their pending steps', () => {
    timeline.track(message('m1'));
    timeline.forgetAll();
    jest.advanceTimersByTime(1000);
    expect(steps).toEqual([]);
    expect(timeline.statusOf('m1')).toBeUndefined();
  });

  it('ignores messages after stop()', () => {
    timeline.stop();
    timeline.track(message('m1'));
    jest.advanceTimersByTime(1000);
    expect(steps).toEqual([]);
  });
});
