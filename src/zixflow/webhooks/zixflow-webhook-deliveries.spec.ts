import { ZixflowWebhookDeliveries } from './zixflow-webhook-deliveries';

describe('ZixflowWebhookDeliveries', () => {
  it('knows nothing before the first delivery, then the latest per route and over all routes', () => {
    const deliveries = new ZixflowWebhookDeliveries();
    expect(deliveries.lastDeliveryAt()).toBeUndefined();

    deliveries.record('reports', new Date('2026-01-01T10:00:05Z'));
    deliveries.record('incoming', new Date('2026-01-01T10:00:01Z'));
    deliveries.record('incoming', new Date('2026-01-01T10:00:03Z'));

    expect(deliveries.lastDeliveryAt('incoming')).toEqual(new Date('2026-01-01T10:00:03Z'));
    expect(deliveries.lastDeliveryAt('postbacks')).toBeUndefined();
    expect(deliveries.lastDeliveryAt()).toEqual(new Date('2026-01-01T10:00:05Z'));
    expect(deliveries.startedAt).toBeInstanceOf(Date);
  });
});
