import { ZixflowWebhookPayloadError } from '../errors/zixflow-webhook-payload.error';
import { isOtherPostBack, parseZixflowDeliveryReport } from './parse-delivery-report';

const RECEIVED_AT = new Date('2026-01-02T03:04:05.000Z');

describe('parseZixflowDeliveryReport', () => {
  it('reads the sandbox / campaign-style report', () => {
    const payload = {
      type: 'delivery_status',
      channel: 'whatsapp',
      messageId: '65f0c0ffee0000000000abcd',
      campaignId: '65f0c0ffee0000000000dcba',
      status: 'Delivered',
      recipient: '13023895111',
      timestamp: 1744346001738,
      remark: '',
    };
    expect(parseZixflowDeliveryReport(payload, RECEIVED_AT)).toEqual({
      callback: 'reportURL',
      status: 'delivered',
      messageId: '65f0c0ffee0000000000abcd',
      campaignId: '65f0c0ffee0000000000dcba',
      requestId: undefined,
      recipient: '13023895111',
      timestamp: new Date(1744346001738),
      statusAt: undefined,
      remark: undefined,
      postBackData: undefined,
      receivedAt: RECEIVED_AT,
      raw: payload,
    });
  });

  it("reads the AI API's post-back shape (§4.1), message_id as the exact digits it was parsed to", () => {
    const payload = {
      workspace_id: '69614209f51dfafb2231a6fe',
      type: 'delivery_status',
      message_id: '604132581490819123',
      request_id: '65ca1d21-8854-4d39-a0bd-64f1cd7b8db1',
      channel: 'whatsapp',
      recipient: '919090909090',
      status: 'failed',
      remark: 'User is not on WhatsApp',
      status_at: '2026-01-28T17:17:59.254174911Z',
      post_back_data: 'somedata',
    };
    expect(parseZixflowDeliveryReport(payload, RECEIVED_AT, 'post_back_url')).toMatchObject({
      callback: 'post_back_url',
      status: 'failed',
      messageId: '604132581490819123',
      requestId: '65ca1d21-8854-4d39-a0bd-64f1cd7b8db1',
      recipient: '919090909090',
      timestamp: new Date('2026-01-28T17:17:59.254Z'),
      statusAt: '2026-01-28T17:17:59.254174911Z',
      remark: 'User is not on WhatsApp',
      postBackData: 'somedata',
    });
  });

  it('leaves out a message_id that JSON parsing already rounded, rather than report wrong digits', () => {
    // What the app's JSON parser makes of the documented post-back: the id rounded to the nearest double.
    const parsed: unknown = JSON.parse('{"message_id":604132581490819123,"request_id":"r","status":"read"}');
    const report = parseZixflowDeliveryReport(parsed);
    expect([report.messageId, report.requestId]).toEqual([undefined, 'r']);
    expect(parseZixflowDeliveryReport({ message_id: 9007199254740991 }).messageId).toBe('9007199254740991');
  });

  it('keeps post_back_data verbatim, spaces included', () => {
    expect(parseZixflowDeliveryReport({ post_back_data: ' order 42 ' }).postBackData).toBe(' order 42 ');
  });

  it.each<[Record<string, unknown>, boolean]>([
    [{ type: 'delivery_status', channel: 'whatsapp' }, false],
    [{ status: 'read' }, false],
    [{ type: 'delivery_status', channel: 'sms' }, true],
    [{ type: 'click', channel: 'whatsapp' }, true],
  ])('tells other channels and types apart: %j', (payload, other) => {
    expect(isOtherPostBack(payload)).toBe(other);
  });

  it('reads fields nested under data when the top level lacks them', () => {
    const report = parseZixflowDeliveryReport(
      { event: 'report', data: { status: 'read', messageId: 'm1', to: '4479460958' } },
      RECEIVED_AT,
    );
    expect(report).toMatchObject({ status: 'read', messageId: 'm1', recipient: '4479460958' });
  });

  it('accepts any JSON object, keeping it raw', () => {
    const payload = { hello: 'world' };
    expect(parseZixflowDeliveryReport(payload, RECEIVED_AT)).toEqual({
      callback: 'reportURL',
      status: undefined,
      messageId: undefined,
      campaignId: undefined,
      requestId: undefined,
      recipient: undefined,
      timestamp: undefined,
      statusAt: undefined,
      remark: undefined,
      postBackData: undefined,
      receivedAt: RECEIVED_AT,
      raw: payload,
    });
  });

  it('ignores fields of an unexpected type instead of failing', () => {
    const report = parseZixflowDeliveryReport({ status: 3, messageId: { id: 1 }, timestamp: 'soon' }, RECEIVED_AT);
    expect([report.status, report.messageId, report.timestamp]).toEqual([undefined, undefined, undefined]);
  });

  it.each([[[]], [null], ['text'], [42]])('refuses %j', (payload) => {
    expect(() => parseZixflowDeliveryReport(payload, RECEIVED_AT)).toThrow(ZixflowWebhookPayloadError);
  });
});
