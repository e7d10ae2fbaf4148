import { TestingModule } from '@nestjs/testing';
import { ZixflowSendResult, ZixflowValidationError, ZixflowWhatsappService } from '../src/zixflow';
import { checkAiSendBody, ZixflowSandbox } from '../src/zixflow/testing';
import {
  AI_SEND_CASES,
  CUSTOMER,
  CUSTOMER_DIGITS,
  INGEST,
  LIST,
  PHONE_ID,
  startAiWhatsapp,
  WORKSPACE_ID,
} from './whatsapp-ai.fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ZixflowWhatsappService on the AI API (api: "ai") against the sandbox', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: 'zx-ai-key-5f1c', workspaceId: WORKSPACE_ID });
    ({ moduleRef, whatsapp } = await startAiWhatsapp(sandbox));
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  it.each(AI_SEND_CASES.map((testCase) => [testCase.method, testCase] as const))(
    '%s posts the documented body with x-api-key and x-workspace-id, and resolves with the requestId',
    async (method, { message, path, wire }) => {
      const send = whatsapp[method].bind(whatsapp) as (message: unknown) => Promise<ZixflowSendResult>;

      const result = await send(message);

      expect(sandbox.requests).toHaveLength(1);
      const [request] = sandbox.requests;
      expect(request.method).toBe('POST');
      expect(request.path).toBe(path);
      expect(request.headers['x-api-key']).toBe('zx-ai-key-5f1c');
      expect(request.headers['x-workspace-id']).toBe(WORKSPACE_ID);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toEqual({ recipient: CUSTOMER_DIGITS, phone_id: PHONE_ID, ...wire });
      expect(checkAiSendBody(request.path, request.body)).toEqual([]);
      expect(result).toEqual({
        status: true,
        message: 'WhatsApp request queued successfully',
        requestId: expect.stringMatching(UUID) as unknown,
      });
      expect(sandbox.messages[0].requestId).toBe(result.requestId);
    },
  );

  it('sends a template without variables without a variables field', async () => {
    await whatsapp.sendTemplate({ to: CUSTOMER, templateName: 'hello_world', language: 'en' });
    expect(sandbox.lastRequest?.body).toEqual({
      recipient: CUSTOMER_DIGITS,
      phone_id: PHONE_ID,
      template_name: 'hello_world',
      language: 'en',
    });
  });

  it('maps postBackUrl and postBackData to post_back_url and post_back_data', async () => {
    await whatsapp.sendText({
      to: CUSTOMER,
      phoneId: 'other-number',
      text: { body: 'Hi' },
      postBackUrl: 'https://app.example.com/zixflow/webhooks/postbacks?token=t',
      postBackData: 'ticket-7',
    });
    expect(sandbox.lastRequest?.body).toEqual({
      recipient: CUSTOMER_DIGITS,
      phone_id: 'other-number',
      text: { body: 'Hi' },
      post_back_url: 'https://app.example.com/zixflow/webhooks/postbacks?token=t',
      post_back_data: 'ticket-7',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'reportURL',
      { reportURL: 'https://app.example.com/r' },
      "reportURL is a field of the campaign API (api: 'campaign'), not of the AI API configured here; use postBackUrl instead",
    ],
    [
      'source',
      { source: 'CRM' },
      "source is a field of the campaign API (api: 'campaign'), not of the AI API configured here; remove it",
    ],
    [
      'linkWithRecord',
      { linkWithRecord: true },
      "linkWithRecord is a field of the campaign API (api: 'campaign'), not of the AI API configured here; remove it",
    ],
    [
      'submissionStatus',
      { submissionStatus: true },
      "submissionStatus is a field of the campaign API (api: 'campaign'), not of the AI API configured here; remove it",
    ],
  ])('refuses the campaign-only field %s before the network', async (_field, extra, expected) => {
    const error = await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' }, ...extra }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toEqual([expected]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'a PNG sticker',
      () => whatsapp.sendSticker({ to: CUSTOMER, sticker: { link: 'https://cdn.example.com/a.png' } }),
      'sticker.link must be a WebP image (WhatsApp takes no other sticker format); got a .png file',
    ],
    [
      'two emoji in a reaction',
      () => whatsapp.sendReaction({ to: CUSTOMER, reaction: { message_id: 'wamid.X', emoji: '👍👍' } }),
      'reaction.emoji must be one emoji, or "" to remove the reaction',
    ],
    [
      'a contact without formatted_name',
      () => whatsapp.sendContacts({ to: CUSTOMER, contacts: [{ name: {} }] } as never),
      'contacts.0.name.formatted_name is required',
    ],
    [
      'eleven rows',
      () =>
        whatsapp.sendList({
          to: CUSTOMER,
          interactive: {
            ...LIST,
            action: {
              button: 'Go',
              sections: [{ rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) }],
            },
          },
        }),
      'interactive.action.sections must hold at most 10 rows in all, with unique ids',
    ],
    [
      'a CTA label over 20 characters',
      () =>
        whatsapp.sendCtaUrl({
          to: CUSTOMER,
          interactive: {
            body: { text: 'x' },
            action: { parameters: { display_text: 'x'.repeat(21), url: 'https://e.com' } },
          },
        }),
      'interactive.action.parameters.display_text must be at most 20 characters',
    ],
    [
      'an address request without a country',
      () =>
        whatsapp.sendAddressRequest({
          to: CUSTOMER,
          interactive: { body: { text: 'x' }, action: { parameters: {} } },
        } as never),
      'interactive.action.parameters.country is required',
    ],
  ])('refuses %s before the network', async (_case, send, expected) => {
    const error = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toContain(expected);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('removes a reaction with an empty emoji', async () => {
    await whatsapp.sendReaction({ to: CUSTOMER, reaction: { message_id: 'wamid.X', emoji: '' } });
    expect(sandbox.lastRequest?.body).toMatchObject({ reaction: { message_id: 'wamid.X', emoji: '' } });
  });

  it('send(), sendMany() and reply() cover the new kinds', async () => {
    const result = await whatsapp.send({ type: 'list', to: CUSTOMER, interactive: LIST });
    const outcomes = await whatsapp.sendMany([
      { type: 'sticker', to: CUSTOMER, sticker: { id: 'sticker-1' } },
      { type: 'reaction', to: CUSTOMER, reaction: { message_id: 'wamid.Y', emoji: '🎉' } },
    ]);
    await whatsapp.reply(
      { sender: { number: CUSTOMER_DIGITS }, phoneId: 'the-number-they-wrote-to' },
      { type: 'location_request', interactive: { body: { text: 'Where are you?' } } },
    );
    expect(result.requestId).toMatch(UUID);
    expect(outcomes.map((outcome) => outcome.ok && outcome.result.requestId !== undefined)).toEqual([true, true]);
    expect(sandbox.requests.map((request) => request.path)).toEqual([
      `${INGEST}/message/interactive/list-buttons/send`,
      `${INGEST}/message/sticker/send`,
      `${INGEST}/message/reaction/send`,
      `${INGEST}/message/interactive/location-request/send`,
    ]);
    expect(sandbox.lastRequest?.body).toMatchObject({
      recipient: CUSTOMER_DIGITS,
      phone_id: 'the-number-they-wrote-to',
    });
  });
});

describe('AI API options', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterEach(() => sandbox.clear());

  afterAll(() => sandbox.stop());

  it('posts under the ingestPrefix of older doc copies when configured', async () => {
    const { moduleRef, whatsapp } = await startAiWhatsapp(sandbox, { ingestPrefix: '/api/ingestion' });
    try {
      await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' } });
      expect(sandbox.lastRequest?.path).toBe('/api/ingestion/whatsapp/v1/message/text/send');
    } finally {
      await moduleRef.close();
    }
  });

  it('fills post_back_url from postBacks, unless the message gives its own', async () => {
    const secret = 'whsec_9f8e7d6c5b4a39281706';
    const { moduleRef, whatsapp } = await startAiWhatsapp(sandbox, {
      postBacks: { webhooksUrl: 'https://bot.example.com/zixflow/webhooks', secret },
    });
    try {
      await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' } });
      await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' }, postBackUrl: 'https://other.example.com/pb' });
      expect(sandbox.requests.map((request) => (request.body as { post_back_url: string }).post_back_url)).toEqual([
        `https://bot.example.com/zixflow/webhooks/postbacks?token=${secret}`,
        'https://other.example.com/pb',
      ]);
    } finally {
      await moduleRef.close();
    }
  });
});
