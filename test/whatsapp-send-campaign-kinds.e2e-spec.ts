import { Test, TestingModule } from '@nestjs/testing';
import {
  ZixflowConfigurationError,
  ZixflowModule,
  ZixflowSendResult,
  ZixflowValidationError,
  ZixflowWhatsappService,
  ZIXFLOW_SESSION_MESSAGE_PATH,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from '../src/zixflow';
import { checkSessionMessageBody, ZixflowSandbox } from '../src/zixflow/testing';
import { AI_SEND_CASES, CUSTOMER, CUSTOMER_DIGITS, LIST, PHONE_ID } from './whatsapp-ai.fixtures';

/** The kinds the campaign API does not document, and the words each refusal starts with. */
const AI_ONLY: Array<[string, string]> = [
  ['sendSticker', 'sticker'],
  ['sendContacts', 'contacts'],
  ['sendReaction', 'reaction'],
  ['sendCtaUrl', 'CTA URL button'],
  ['sendLocationRequest', 'location request'],
  ['sendAddressRequest', 'address request'],
];

describe('the campaign API (the default) with the new kinds and fields', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    moduleRef = await Test.createTestingModule({
      imports: [ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, defaultPhoneId: PHONE_ID })],
    }).compile();
    await moduleRef.init();
    whatsapp = moduleRef.get(ZixflowWhatsappService);
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  it('sends a list on the session path as type "interactive" with interactive.type "list" (inferred)', async () => {
    const result = await whatsapp.sendList({ to: CUSTOMER, interactive: LIST });
    const [request] = sandbox.requests;
    expect(request.path).toBe(ZIXFLOW_SESSION_MESSAGE_PATH);
    expect(request.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
    expect(request.headers['x-api-key']).toBeUndefined();
    expect(request.body).toEqual({
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'interactive',
      interactive: { type: 'list', ...LIST },
    });
    expect(checkSessionMessageBody(request.body)).toEqual([]);
    expect(result).toEqual({ status: true, message: 'Message sent successfully' });
  });

  it.each(AI_ONLY)('%s is refused before the network, naming api: "ai"', async (method, label) => {
    const { message } = AI_SEND_CASES.find((testCase) => testCase.method === method) ?? { message: {} };
    const send = whatsapp[method as keyof ZixflowWhatsappService].bind(whatsapp) as (m: unknown) => Promise<unknown>;

    const error = await send(message).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toEqual([
      `${method}: the campaign API documents no ${label} messages; configure ZixflowModule with api: 'ai' ` +
        '(ZIXFLOW_API=ai) and a workspaceId to send them through the Zixflow AI API',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('refuses the new kinds the same way through send(), sendMany() and reply()', async () => {
    const viaSend = await whatsapp
      .send({ type: 'sticker', to: CUSTOMER, sticker: { id: 's' } })
      .catch((e: unknown) => e);
    const [outcome] = await whatsapp.sendMany([
      { type: 'reaction', to: CUSTOMER, reaction: { message_id: 'w', emoji: '👍' } },
    ]);
    const viaReply = await whatsapp
      .reply(
        { sender: { number: CUSTOMER_DIGITS } },
        { type: 'contacts', contacts: [{ name: { formatted_name: 'A' } }] },
      )
      .catch((e: unknown) => e);
    expect(
      [viaSend, outcome.ok ? undefined : outcome.error, viaReply].map((error) => (error as Error).message),
    ).toEqual([
      expect.stringContaining(
        "sendSticker: the campaign API documents no sticker messages; configure ZixflowModule with api: 'ai'",
      ),
      expect.stringContaining('sendReaction: the campaign API documents no reaction messages'),
      expect.stringContaining('sendContacts: the campaign API documents no contacts messages'),
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'postBackUrl',
      { postBackUrl: 'https://app.example.com/pb' },
      "postBackUrl is a field of the AI API (api: 'ai'), not of the campaign API configured here; use reportURL instead",
    ],
    [
      'postBackData',
      { postBackData: 'x' },
      "postBackData is a field of the AI API (api: 'ai'), not of the campaign API configured here; remove it",
    ],
  ])('refuses the AI-only field %s before the network', async (_field, extra, expected) => {
    const error = await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' }, ...extra }).catch((e: unknown) => e);
    expect((error as ZixflowValidationError).errors).toEqual([expected]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('refuses media by uploaded id, which only the AI API takes', async () => {
    const video = await whatsapp.sendVideo({ to: CUSTOMER, video: { id: '123' } }).catch((e: unknown) => e);
    const header = await whatsapp
      .sendReplyButtons({
        to: CUSTOMER,
        interactive: {
          header: { type: 'image', image: { id: '9' } },
          body: { text: 'x' },
          action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
        },
      })
      .catch((e: unknown) => e);
    expect([(video as ZixflowValidationError).errors, (header as ZixflowValidationError).errors]).toEqual([
      ["video.id (an uploaded media id) is accepted only by the AI API (api: 'ai'); the campaign API takes video.link"],
      [
        "interactive.header.image.id (an uploaded media id) is accepted only by the AI API (api: 'ai'); the campaign API takes interactive.header.image.link",
      ],
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('sends a template without variables as given, i.e. without the field', async () => {
    const result: ZixflowSendResult = await whatsapp.sendTemplate({
      to: CUSTOMER,
      templateName: 'hello_world',
      language: 'en',
    });
    expect(sandbox.lastRequest?.path).toBe(ZIXFLOW_TEMPLATE_MESSAGE_PATH);
    expect(sandbox.lastRequest?.body).toEqual({
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      templateName: 'hello_world',
      language: 'en',
    });
    expect(result.status).toBe(true);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['listAccounts', () => whatsapp.listAccounts()],
    ['listTemplates', () => whatsapp.listTemplates()[Symbol.asyncIterator]().next()],
    ['getDeliveryReport', () => whatsapp.getDeliveryReport('65ca1d21-8854-4d39-a0bd-64f1cd7b8db1')],
  ])('%s is refused on the campaign API, naming api: "ai"', async (method, call) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${method}: the campaign API documents no .*; configure ZixflowModule with api: 'ai'`),
    );
    expect(sandbox.requests).toHaveLength(0);
  });
});
