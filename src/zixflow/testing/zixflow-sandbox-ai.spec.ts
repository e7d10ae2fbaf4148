import { validAiBodies } from './checks/ai-bodies.spec-helper';
import { eventually, FakeApp } from './sandbox-fake-app.spec-helper';
import { send, SESSION_PATH, envelope as campaignEnvelope } from './sandbox-http.spec-helper';
import { ZixflowSandbox } from './zixflow-sandbox';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TEXT = '/api/ingest/whatsapp/v1/message/text/send';

function aiHeaders(sandbox: ZixflowSandbox): Record<string, string> {
  return { 'x-api-key': sandbox.apiKey, 'x-workspace-id': sandbox.workspaceId, 'content-type': 'application/json' };
}

describe('ZixflowSandbox: the AI API', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ workspaceId: 'ws-123', deliveryReports: { delayMs: 5 } });
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

  describe('sends', () => {
    it.each(Object.entries(validAiBodies))('accepts %s with a request_id', async (path, body) => {
      const reply = await send(sandbox, `/api/ingest${path}`, body, { headers: aiHeaders(sandbox) });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({
        success: true,
        message: 'WhatsApp request queued successfully',
        request_id: expect.stringMatching(UUID) as unknown,
      });
      const [message] = sandbox.messages;
      expect(message).toMatchObject({
        api: 'ai',
        to: '919876543210',
        phoneId: '104898309288724',
        requestId: (reply.json as { request_id: string }).request_id,
        wamid: expect.stringMatching(/^wamid\./) as unknown,
        zixflowMessageId: expect.stringMatching(/^\d{18}$/) as unknown,
        body,
      });
    });

    it('accepts the older /api/ingestion prefix too', async () => {
      const reply = await send(
        sandbox,
        `/api/ingestion/whatsapp/v1/message/text/send`,
        validAiBodies['/whatsapp/v1/message/text/send'],
        {
          headers: aiHeaders(sandbox),
        },
      );
      expect(reply.status).toBe(200);
    });

    it.each<[string, Record<string, string>]>([
      ['the campaign Bearer header', { authorization: 'Bearer sandbox-api-key', 'content-type': 'application/json' }],
      ['no workspace id', { 'x-api-key': 'sandbox-api-key', 'content-type': 'application/json' }],
      [
        'another workspace',
        { 'x-api-key': 'sandbox-api-key', 'x-workspace-id': 'ws-9', 'content-type': 'application/json' },
      ],
      ['a wrong key', { 'x-api-key': 'nope', 'x-workspace-id': 'ws-123', 'content-type': 'application/json' }],
    ])('answers 401 for %s', async (_case, headers) => {
      const reply = await send(sandbox, TEXT, validAiBodies['/whatsapp/v1/message/text/send'], { headers });
      expect([reply.status, reply.json]).toEqual([401, { success: false, message: 'Unauthorized' }]);
      expect(sandbox.messages).toHaveLength(0);
    });

    it('answers 400 with details for a campaign-style body, and 404 for an unknown kind', async () => {
      const campaignBody = { ...campaignEnvelope, type: 'text', text: { body: 'Hi' } };
      const refused = await send(sandbox, TEXT, campaignBody, { headers: aiHeaders(sandbox) });
      expect(refused.status).toBe(400);
      expect((refused.json as { details: string[] }).details).toEqual(
        expect.arrayContaining(['recipient: is required', 'to: unknown field', 'type: unknown field']),
      );
      const carousel = await send(
        sandbox,
        '/api/ingest/whatsapp/v1/message/interactive/media-carousel/send',
        {},
        {
          headers: aiHeaders(sandbox),
        },
      );
      expect(carousel.status).toBe(404);
    });

    it('answers 405 for a GET on a send path', async () => {
      const reply = await send(sandbox, TEXT, undefined, { method: 'GET', headers: aiHeaders(sandbox) });
      expect([reply.status, reply.headers.get('allow')]).toEqual([405, 'POST']);
    });
  });

  describe('data endpoints', () => {
    it('lists the seeded account', async () => {
      const reply = await send(sandbox, '/api/data/whatsapp/v1/accounts', undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      expect(reply.json).toEqual({
        success: true,
        message: 'Successfully fetched WhatsApp accounts',
        data: [
          {
            phone_id: sandbox.phoneId,
            waba_id: sandbox.wabaId,
            display_phone_number: '+1 555 010 0001',
            verified_name: 'Sandbox Business',
            quality_rating: 'GREEN',
            daily_limit: 1000,
          },
        ],
      });
    });

    it('pages through the templates with limit and offset', async () => {
      const path = `/api/data/whatsapp/v1/${sandbox.phoneId}/templates`;
      const first = await send(sandbox, `${path}?limit=3`, undefined, { method: 'GET', headers: aiHeaders(sandbox) });
      const second = await send(sandbox, `${path}?limit=3&offset=3`, undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      const pages = [first.json, second.json] as Array<{
        data: { data: Array<{ name: string }>; pagination: unknown };
      }>;
      expect(pages.map((page) => page.data.pagination)).toEqual([
        { size: 4, count: 3, pageSize: 3 },
        { size: 4, count: 1, pageSize: 3 },
      ]);
      expect(pages.flatMap((page) => page.data.data.map(({ name }) => name))).toEqual([
        'sandbox_welcome',
        'sandbox_order_shipped',
        'sandbox_login_code',
        'sandbox_spring_sale',
      ]);
      expect(pages[1].data.data[0]).toEqual({
        name: 'sandbox_spring_sale',
        language: 'en',
        category: 'MARKETING',
        status: 'PENDING',
        components: [],
      });
    });

    it("answers a template's variables nested as data.data, and 404 for an unknown one", async () => {
      const path = `/api/data/whatsapp/v1/${sandbox.phoneId}/variable-keys`;
      const known = await send(sandbox, `${path}?template_name=sandbox_login_code&language=en`, undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      expect(known.json).toEqual({
        success: true,
        message: 'Template variables retrieved successfully',
        data: { data: [{ keyName: 'otp_code', label: 'OTP Code', type: 'OTP' }] },
      });
      const unknown = await send(sandbox, `${path}?template_name=nope&language=en`, undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      expect(unknown.status).toBe(404);
    });

    it('reports a send by its request_id as it moves along, and 404 for an unknown id', async () => {
      const sent = await send(sandbox, TEXT, validAiBodies['/whatsapp/v1/message/text/send'], {
        headers: aiHeaders(sandbox),
      });
      const requestId = (sent.json as { request_id: string }).request_id;
      const [message] = sandbox.messages;
      await eventually(() => sandbox.messageStatus(message.messageId) === 'delivered');
      const report = await send(sandbox, `/api/data/messages/v1/delivery-report?request_id=${requestId}`, undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      expect(report.json).toEqual({
        success: true,
        message: 'Delivery report retrieved successfully',
        data: {
          channel: 'whatsapp',
          message_id: message.wamid,
          recipient: '919876543210',
          request_id: requestId,
          status: 'delivered',
          statusAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as unknown,
          remark: '',
          workspace_id: 'ws-123',
        },
      });
      const unknown = await send(sandbox, '/api/data/messages/v1/delivery-report?request_id=nope', undefined, {
        method: 'GET',
        headers: aiHeaders(sandbox),
      });
      expect([unknown.status, unknown.json]).toEqual([404, { success: false, message: 'Delivery report not found' }]);
    });
  });

  describe('post-backs', () => {
    let app: FakeApp;

    beforeEach(async () => {
      app = await new FakeApp().start();
    });

    afterEach(async () => {
      await app.stop();
    });

    it('posts each status to post_back_url as §4.1 documents, message_id as a bare number above 2^53', async () => {
      const url = app.url('/zixflow/webhooks/postbacks?token=t0ken');
      const body = {
        ...validAiBodies['/whatsapp/v1/message/text/send'],
        post_back_url: url,
        post_back_data: 'order-42',
      };
      const sent = await send(sandbox, TEXT, body, { headers: aiHeaders(sandbox) });
      const calls = await app.waitFor(2);
      const [message] = sandbox.messages;
      expect(calls.map(({ body: posted }) => posted.status)).toEqual(['sent', 'delivered']);
      expect(calls[1].rawBody).toContain(`"message_id":${message.zixflowMessageId},`);
      expect(Number.isSafeInteger(calls[1].body.message_id)).toBe(false);
      expect(calls[1].body).toEqual({
        workspace_id: 'ws-123',
        type: 'delivery_status',
        message_id: expect.any(Number) as unknown,
        request_id: (sent.json as { request_id: string }).request_id,
        channel: 'whatsapp',
        recipient: '919876543210',
        status: 'delivered',
        remark: '',
        status_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/) as unknown,
        post_back_data: 'order-42',
      });
      await eventually(() => sandbox.reportDeliveries.length === 2);
      expect(sandbox.reportDeliveries[1]).toMatchObject({
        api: 'ai',
        url,
        status: 'delivered',
        responseStatus: 200,
        payload: { message_id: message.zixflowMessageId },
      });
    });

    it('records a non-loopback post_back_url as not sent', async () => {
      const body = { ...validAiBodies['/whatsapp/v1/message/text/send'], post_back_url: 'https://example.com/pb' };
      await send(sandbox, TEXT, body, { headers: aiHeaders(sandbox) });
      expect(sandbox.reportDeliveries).toEqual([
        expect.objectContaining({
          api: 'ai',
          error: expect.stringMatching(/^not sent: post_back_url must use http/) as unknown,
        }),
      ]);
    });
  });

  it('keeps the campaign API as it was, and accepts a list there (inferred)', async () => {
    const list = validAiBodies['/whatsapp/v1/message/interactive/list-buttons/send'].interactive;
    const reply = await send(sandbox, SESSION_PATH, { ...campaignEnvelope, type: 'interactive', interactive: list });
    expect(reply.json).toEqual({ status: true, message: 'Message sent successfully' });
    expect(sandbox.messages[0]).toMatchObject({ api: 'campaign', kind: 'list' });
  });
});
