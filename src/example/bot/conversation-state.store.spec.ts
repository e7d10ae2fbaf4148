import { CONVERSATION_TIMEOUT_MS, ConversationStateStore } from './conversation-state.store';

describe('ConversationStateStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('remembers a step per customer', () => {
    const store = new ConversationStateStore();
    store.set('13023895111', 'awaiting-order-number');
    expect(store.get('13023895111')).toBe('awaiting-order-number');
    expect(store.get('442079460958')).toBeUndefined();
  });

  it('forgets a customer after 15 minutes of silence', () => {
    const store = new ConversationStateStore();
    store.set('13023895111', 'awaiting-order-number');
    jest.advanceTimersByTime(CONVERSATION_TIMEOUT_MS - 1);
    expect(store.get('13023895111')).toBe('awaiting-order-number');
    jest.advanceTimersByTime(1);
    expect(store.get('13023895111')).toBeUndefined();
  });

  it('restarts the time-out when the step is set again', () => {
    const store = new ConversationStateStore();
    store.set('13023895111', 'awaiting-order-number');
    jest.advanceTimersByTime(CONVERSATION_TIMEOUT_MS - 1);
    store.set('13023895111', 'awaiting-order-number');
    jest.advanceTimersByTime(CONVERSATION_TIMEOUT_MS - 1);
    expect(store.get('13023895111')).toBe('awaiting-order-number');
  });

  it('clears a customer', () => {
    const store = new ConversationStateStore();
    store.set('13023895111', 'awaiting-order-number');
    store.clear('13023895111');
    expect(store.get('13023895111')).toBeUndefined();
  });
});
