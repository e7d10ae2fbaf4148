import { Test, TestingModule } from '@nestjs/testing';
import {
  SendVideoMessageDto,
  ZixflowConfigurationError,
  ZixflowModule,
  ZixflowSendResult,
  ZixflowValidationError,
  ZixflowWhatsappService,
  ZIXFLOW_SESSION_MESSAGE_PATH,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { toHttpAnswer } from '../src/zixflow/sending/filters/zixflow-exception.filter';
import { RecordingLogger } from './recording-logger';

const PHONE_ID = '104898309288724';
const CUSTOMER = '+1 (302) 389-5111';
const CUSTOMER_DIGITS = '13023895111';

type SendMethod = keyof Pick<
  ZixflowWhatsappService,
  | 'sendVideo'
  | 'sendImage'
  | 'sendAudio'
  | 'sendDocument'
  | 'sendText'
  | 'sendLocation'
  | 'sendReplyButtons'
  | 'sendTemplate'
>;

interface SendCase {
  method: SendMethod;
  message: Record<string, unknown>;
  path: string;
  body: Record<string, unknown>;
}

/** Each send method with a full message and the exact JSON Zixflow must receive for it. */
const SEND_CASES: SendCase[] = [
  {
    method: 'sendVideo',
    message: {
      to: CUSTOMER,
      video: { link: 'https://cdn.example.com/clip.mp4', caption: 'Your parcel is on its way' },
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'video',
      video: { link: 'https://cdn.example.com/clip.mp4', caption: 'Your parcel is on its way' },
    },
  },
  {
    method: 'sendImage',
    message: {
      to: CUSTOMER,
      phoneId: 'other-phone',
      image: { link: 'https://cdn.example.com/a.jpg' },
      source: 'CRM',
      linkWithRecord: true,
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: 'other-phone',
      type: 'image',
      image: { link: 'https://cdn.example.com/a.jpg' },
      source: 'CRM',
      linkWithRecord: true,
    },
  },
  {
    method: 'sendAudio',
    message: {
      to: CUSTOMER,
      audio: { link: 'https://cdn.example.com/a.ogg' },
      reportURL: 'https://app.example.com/reports',
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'audio',
      audio: { link: 'https://cdn.example.com/a.ogg' },
      reportURL: 'https://app.example.com/reports',
    },
  },
  {
    method: 'sendDocument',
    message: {
      to: CUSTOMER,
      document: { link: 'https://cdn.example.com/i.pdf', caption: 'Invoice', filename: 'invoice.pdf' },
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'document',
      document: { link: 'https://cdn.example.com/i.pdf', caption: 'Invoice', filename: 'invoice.pdf' },
    },
  },
  {
    method: 'sendText',
    message: { to: CUSTOMER, text: { body: 'Hello *there* https://example.com', preview_url: true } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'text',
      text: { body: 'Hello *there* https://example.com', preview_url: true },
    },
  },
  {
    method: 'sendLocation',
    message: {
      to: CUSTOMER,
      location: { latitude: 40.7128, longitude: -74.006, name: 'Office', address: '1 Main St' },
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'location',
      location: { latitude: '40.7128', longitude: '-74.006', name: 'Office', address: '1 Main St' },
    },
  },
  {
    method: 'sendReplyButtons',
    message: {
      to: CUSTOMER,
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Support' },
        body: { text: 'How can we help?' },
        footer: { text: 'Reply any time' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'track', title: 'Track order' } },
            { type: 'reply', reply: { id: 'human', title: 'Talk to us' } },
          ],
        },
      },
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Support' },
        body: { text: 'How can we help?' },
        footer: { text: 'Reply any time' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'track', title: 'Track order' } },
            { type: 'reply', reply: { id: 'human', title: 'Talk to us' } },
          ],
        },
      },
    },
  },
  {
    method: 'sendTemplate',
    message: {
      to: CUSTOMER,
      templateName: 'order_update',
      language: 'en_US',
      variables: { body_1: 'Ada', video: 'https://cdn.example.com/v.mp4' },
    },
    path: ZIXFLOW_TEMPLATE_MESSAGE_PATH,
    body: {
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      templateName: 'order_update',
      language: 'en_US',
      variables: { body_1: 'Ada', video: 'https://cdn.example.com/v.mp4' },
    },
  },
];

describe('ZixflowWhatsappService against the sandbox', () => {
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

  it.each(SEND_CASES)('$method posts exactly the documented request', async ({ method, message, path, body }) => {
    const send = whatsapp[method].bind(whatsapp) as (message: unknown) => Promise<ZixflowSendResult>;

    const result = await send(message);

    expect(result).toEqual({ status: true, message: 'Message sent successfully' });
    expect(sandbox.requests).toHaveLength(1);
    const request = sandbox.requests[0];
    expect(request.method).toBe('POST');
    expect(request.path).toBe(path);
    expect(request.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toEqual(body);
    expect(sandbox.messages).toHaveLength(1);
  });

  it('accepts a DTO instance as well as a plain object', async () => {
    const dto = Object.assign(new SendVideoMessageDto(), {
      to: '001 302 389 5111',
      video: { link: 'https://cdn.example.com/v.mp4' },
    });

    await whatsapp.sendVideo(dto);

    expect(sandbox.lastRequest?.body).toEqual({
      to: CUSTOMER_DIGITS,
      phoneId: PHONE_ID,
      type: 'video',
      video: { link: 'https://cdn.example.com/v.mp4' },
    });
    expect(dto.to).toBe('001 302 389 5111');
  });

  it('returns messageId and campaignId when submissionStatus is true', async () => {
    const result = await whatsapp.sendVideo({
      to: CUSTOMER,
      video: { link: 'https://cdn.example.com/v.mp4' },
      submissionStatus: true,
    });

    const [accepted] = sandbox.messages;
    expect(result).toEqual({
      status: true,
      message: 'Message sent successfully',
      messageId: accepted.messageId,
      campaignId: accepted.campaignId,
    });
    expect(result.messageId).toMatch(/^[0-9a-f]{24}$/);
    expect(sandbox.lastRequest?.body).toMatchObject({ submissionStatus: true });
  });

  it('keeps extra response fields out of the result but does not fail on them', async () => {
    sandbox.respondNext({
      status: 200,
      body: { status: true, message: 'WhatsApp sent successfully!', messageId: 'm-1', extra: { a: 1 } },
    });

    await expect(whatsapp.sendText({ to: CUSTOMER, text: { body: 'hi' } })).resolves.toEqual({
      status: true,
      message: 'WhatsApp sent successfully!',
      messageId: 'm-1',
    });
  });

  it.each<[SendMethod, Record<string, unknown>, string]>([
    [
      'sendVideo',
      { to: CUSTOMER, video: { link: 'javascript:alert(1)' } },
      'video.link must be an http or https URL, e.g. https://example.com/clip.mp4',
    ],
    [
      'sendVideo',
      { to: '0301 2345678', video: { link: 'https://a.example/v.mp4' } },
      'to must be a phone number with its country code',
    ],
    [
      'sendAudio',
      { to: CUSTOMER, audio: { link: 'https://a.example/a.ogg', caption: 'x' } },
      'audio.caption is not a field Zixflow accepts here; remove it',
    ],
    [
      'sendImage',
      { to: CUSTOMER, type: 'video', image: { link: 'https://a.example/a.png' } },
      'type must be "image" when calling sendImage (or be left out)',
    ],
    ['sendText', { to: CUSTOMER, text: { body: 'x'.repeat(4097) } }, 'text.body must be at most 4096 characters'],
    [
      'sendReplyButtons',
      {
        to: CUSTOMER,
        interactive: {
          body: { text: 'Pick' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'a', title: 'A' } },
              { type: 'reply', reply: { id: 'b', title: 'x'.repeat(21) } },
            ],
          },
        },
      },
      'interactive.action.buttons.1.reply.title must be at most 20 characters',
    ],
    [
      'sendTemplate',
      { to: CUSTOMER, templateName: 'x', language: 'en', variables: ['Ada'] },
      'variables must be an object mapping each template variable name to a string',
    ],
  ])('%s refuses invalid input before the network', async (method, message, expected) => {
    const send = whatsapp[method].bind(whatsapp) as (message: unknown) => Promise<ZixflowSendResult>;

    const error: unknown = await send(message).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ZixflowValidationError);
    const lines = (error as ZixflowValidationError).errors;
    expect(lines.some((line) => line.startsWith(expected))).toBe(true);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('phoneId resolution', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });
  afterAll(() => sandbox.stop());

  it('warns once at start-up without defaultPhoneId, and refuses a send without phoneId as a configuration error, sending nothing', async () => {
    const logger = new RecordingLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url })],
    })
      .setLogger(logger)
      .compile();
    await moduleRef.init();
    try {
      expect(logger.lines.filter((line) => line.includes('defaultPhoneId'))).toEqual([
        'No defaultPhoneId: set ZIXFLOW_PHONE_ID (or defaultPhoneId) to the phone-number id to send from; until then every message must carry its own phoneId',
      ]);
      const error: unknown = await moduleRef
        .get(ZixflowWhatsappService)
        .sendText({ to: CUSTOMER, text: { body: 'hi' } })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ZixflowConfigurationError);
      expect((error as ZixflowConfigurationError).message).toBe(
        'No phone number to send from: the message has no phoneId and defaultPhoneId (ZIXFLOW_PHONE_ID) is not configured',
      );
      expect(toHttpAnswer(error as ZixflowConfigurationError)).toEqual({
        status: 500,
        body: {
          statusCode: 500,
          error: 'Internal Server Error',
          message:
            'Server configuration: No phone number to send from: the message has no phoneId and defaultPhoneId (ZIXFLOW_PHONE_ID) is not configured',
          zixflowError: 'ZixflowConfigurationError',
        },
      });
      expect(sandbox.requests).toHaveLength(0);
    } finally {
      await moduleRef.close();
    }
  });
});
