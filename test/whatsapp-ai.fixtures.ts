import { Test, TestingModule } from '@nestjs/testing';
import { InteractiveListDto, ZixflowModule, ZixflowModuleOptions, ZixflowWhatsappService } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

/** What the e2e suites of the AI API share: a recipient as people type it, the number and workspace. */
export const PHONE_ID = '104898309288724';
export const CUSTOMER = '+91 98765 43210';
export const CUSTOMER_DIGITS = '919876543210';
export const WORKSPACE_ID = '69614209f51dfafb2231a6fe';
export const INGEST = '/api/ingest/whatsapp/v1';

/** The list every suite sends: two sections, three rows. */
export const LIST: InteractiveListDto = {
  header: { type: 'text', text: 'Support' },
  body: { text: 'What do you need?' },
  footer: { text: 'Pick one' },
  action: {
    button: 'Options',
    sections: [
      { title: 'Orders', rows: [{ id: 'track', title: 'Track my order', description: 'Where is it now?' }] },
      {
        title: 'Other',
        rows: [
          { id: 'human', title: 'Talk to a person' },
          { id: 'faq', title: 'FAQ' },
        ],
      },
    ],
  },
};

/** One case per kind: the method, the message as a caller writes it, and what the AI API must receive. */
export interface AiSendCase {
  method: keyof ZixflowWhatsappService;
  message: Record<string, unknown>;
  path: string;
  /** The kind's part of the body (plus anything besides `recipient` and `phone_id`). */
  wire: Record<string, unknown>;
}

export const AI_SEND_CASES: AiSendCase[] = [
  {
    method: 'sendText',
    message: { to: CUSTOMER, text: { body: 'Hello *there*', preview_url: false }, postBackData: 'order-42' },
    path: `${INGEST}/message/text/send`,
    wire: { text: { body: 'Hello *there*', preview_url: false }, post_back_data: 'order-42' },
  },
  {
    method: 'sendImage',
    message: { to: CUSTOMER, image: { link: 'https://cdn.example.com/a.jpg', caption: 'Receipt' } },
    path: `${INGEST}/message/image/send`,
    wire: { image: { link: 'https://cdn.example.com/a.jpg', caption: 'Receipt' } },
  },
  {
    method: 'sendVideo',
    message: { to: CUSTOMER, video: { id: '1166846181421424', caption: 'Demo' } },
    path: `${INGEST}/message/video/send`,
    wire: { video: { id: '1166846181421424', caption: 'Demo' } },
  },
  {
    method: 'sendAudio',
    message: { to: CUSTOMER, audio: { link: 'https://cdn.example.com/a.ogg' } },
    path: `${INGEST}/message/audio/send`,
    wire: { audio: { link: 'https://cdn.example.com/a.ogg' } },
  },
  {
    method: 'sendDocument',
    message: { to: CUSTOMER, document: { link: 'https://cdn.example.com/i.pdf', filename: 'invoice.pdf' } },
    path: `${INGEST}/message/document/send`,
    wire: { document: { link: 'https://cdn.example.com/i.pdf', filename: 'invoice.pdf' } },
  },
  {
    method: 'sendLocation',
    message: { to: CUSTOMER, location: { latitude: 18.5204, longitude: 73.8567, name: 'Office' } },
    path: `${INGEST}/message/location/send`,
    wire: { location: { latitude: '18.5204', longitude: '73.8567', name: 'Office' } },
  },
  {
    method: 'sendSticker',
    message: { to: CUSTOMER, sticker: { link: 'https://cdn.example.com/thanks.webp' } },
    path: `${INGEST}/message/sticker/send`,
    wire: { sticker: { link: 'https://cdn.example.com/thanks.webp' } },
  },
  {
    method: 'sendContacts',
    message: {
      to: CUSTOMER,
      contacts: [{ name: { formatted_name: 'Support desk' }, phones: [{ phone: '+91 20 1234 5678', type: 'WORK' }] }],
    },
    path: `${INGEST}/message/contacts/send`,
    wire: {
      contacts: [{ name: { formatted_name: 'Support desk' }, phones: [{ phone: '+91 20 1234 5678', type: 'WORK' }] }],
    },
  },
  {
    method: 'sendReaction',
    message: { to: CUSTOMER, reaction: { message_id: 'wamid.HBgMOTE5ODc2NTQzMjEw', emoji: '👍' } },
    path: `${INGEST}/message/reaction/send`,
    wire: { reaction: { message_id: 'wamid.HBgMOTE5ODc2NTQzMjEw', emoji: '👍' } },
  },
  {
    method: 'sendReplyButtons',
    message: {
      to: CUSTOMER,
      interactive: {
        header: { type: 'image', image: { id: 'media-77' } },
        body: { text: 'Did it arrive?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    },
    path: `${INGEST}/message/interactive/reply-buttons/send`,
    wire: {
      interactive: {
        header: { type: 'image', image: { id: 'media-77' } },
        body: { text: 'Did it arrive?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    },
  },
  {
    method: 'sendList',
    message: { to: CUSTOMER, interactive: LIST },
    path: `${INGEST}/message/interactive/list-buttons/send`,
    wire: { interactive: { type: 'list', ...LIST } },
  },
  {
    method: 'sendCtaUrl',
    message: {
      to: CUSTOMER,
      interactive: {
        body: { text: 'Your order is on its way' },
        action: { parameters: { display_text: 'Track it', url: 'https://shop.example.com/o/42' } },
      },
    },
    path: `${INGEST}/message/interactive/url-button/send`,
    wire: {
      interactive: {
        type: 'cta_url',
        body: { text: 'Your order is on its way' },
        action: { name: 'cta_url', parameters: { display_text: 'Track it', url: 'https://shop.example.com/o/42' } },
      },
    },
  },
  {
    method: 'sendLocationRequest',
    message: { to: CUSTOMER, interactive: { body: { text: 'Where should we deliver?' } } },
    path: `${INGEST}/message/interactive/location-request/send`,
    wire: {
      interactive: {
        type: 'location_request_message',
        body: { text: 'Where should we deliver?' },
        action: { name: 'send_location' },
      },
    },
  },
  {
    method: 'sendAddressRequest',
    message: {
      to: CUSTOMER,
      interactive: {
        body: { text: 'Your delivery address, please' },
        action: { parameters: { country: 'IN', values: { name: 'Ada', city: 'Pune' } } },
      },
    },
    path: `${INGEST}/message/interactive/address/send`,
    wire: {
      interactive: {
        type: 'address_message',
        body: { text: 'Your delivery address, please' },
        action: { name: 'address_message', parameters: { country: 'IN', values: { name: 'Ada', city: 'Pune' } } },
      },
    },
  },
  {
    method: 'sendTemplate',
    message: { to: CUSTOMER, templateName: 'order_update', language: 'en', variables: { name: 'Ada' } },
    path: `${INGEST}/template/send`,
    wire: { template_name: 'order_update', language: 'en', variables: { name: 'Ada' } },
  },
];

/** A module on the AI API against the sandbox, closed by the caller. */
export async function startAiWhatsapp(
  sandbox: ZixflowSandbox,
  options: Partial<ZixflowModuleOptions> = {},
): Promise<{ moduleRef: TestingModule; whatsapp: ZixflowWhatsappService }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ZixflowModule.forRoot({
        apiKey: sandbox.apiKey,
        api: 'ai',
        workspaceId: sandbox.workspaceId,
        baseUrl: sandbox.url,
        defaultPhoneId: PHONE_ID,
        retry: false,
        ...options,
      }),
    ],
  }).compile();
  await moduleRef.init();
  return { moduleRef, whatsapp: moduleRef.get(ZixflowWhatsappService) };
}
