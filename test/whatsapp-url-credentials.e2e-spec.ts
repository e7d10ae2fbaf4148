import { ZixflowMessage, ZixflowValidationError } from '../src/zixflow';
import { PHONE_ID, caught, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';
import { FakeZixflow, SUCCESS, startFakeZixflow } from './reliability-fake-zixflow';

/** URLs that carry credentials in their authority: WhatsApp and Zixflow fetch them from the internet. */
const WITH_CREDENTIALS = [
  'https://user:pass@cdn.example.com/media',
  'https://user@cdn.example.com/',
  'http://user:pass@cdn.example.com/media',
  'https://:pass@cdn.example.com/media',
  'https://@cdn.example.com/media',
  'https://user:p%40ss@cdn.example.com/media?x=1',
];

/** Every URL field of a message, with a message that puts `url` there and the line expected for it. */
const URL_FIELDS: Array<[string, (url: string) => ZixflowMessage, string]> = [
  [
    'image.link',
    (link) => ({ type: 'image', to: '+1 302 389 5111', image: { link } }),
    'https://example.com/photo.jpg',
  ],
  ['video.link', (link) => ({ type: 'video', to: '+1 302 389 5111', video: { link } }), 'https://example.com/clip.mp4'],
  [
    'audio.link',
    (link) => ({ type: 'audio', to: '+1 302 389 5111', audio: { link } }),
    'https://example.com/media.mp4',
  ],
  [
    'document.link',
    (link) => ({ type: 'document', to: '+1 302 389 5111', document: { link } }),
    'https://example.com/invoice.pdf',
  ],
  ...(['image', 'video', 'document'] as const).map((media): [string, (url: string) => ZixflowMessage, string] => [
    `interactive.header.${media}.link`,
    (link) => ({
      type: 'interactive',
      to: '+1 302 389 5111',
      interactive: {
        header: { type: media, [media]: { link } },
        body: { text: 'Pick one' },
        action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
      },
    }),
    'https://example.com/media.mp4',
  ]),
  [
    'reportURL',
    (reportURL) => ({ type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' }, reportURL }),
    'https://example.com/zixflow/reports',
  ],
];

describe('URLs with credentials are refused before the network', () => {
  let zixflow: FakeZixflow;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    zixflow = await startFakeZixflow(() => ({ status: 200, body: SUCCESS }));
    service = await startWhatsapp({ baseUrl: zixflow.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  afterEach(() => {
    zixflow.requests.length = 0;
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await zixflow.close();
  });

  describe.each(URL_FIELDS)('%s', (field, messageWith, example) => {
    it.each(WITH_CREDENTIALS)('refuses %s with a line naming the field; nothing is sent', async (url) => {
      const error = await caught(service.whatsapp.send(messageWith(url)));

      expect(error).toBeInstanceOf(ZixflowValidationError);
      expect((error as ZixflowValidationError).errors).toEqual([
        `${field} must be an http or https URL without credentials (no user:password@ before the host), e.g. ${example}`,
      ]);
      // The password is not repeated in the error.
      expect(error.message).not.toContain('pass@');
      expect(zixflow.requests).toHaveLength(0);
    });

    it('still sends a URL with an @ in its path or query', async () => {
      const url = 'https://cdn.example.com/u/@ada/file?by=ada@example.com';

      await service.whatsapp.send(messageWith(url));

      expect(zixflow.requests).toHaveLength(1);
      expect(JSON.stringify(zixflow.requests[0].body)).toContain(JSON.stringify(url));
    });
  });
});
