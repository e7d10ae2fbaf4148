import { validAiBodies, withAiField } from './ai-bodies.spec-helper';
import { AI_SEND_ROUTES, checkAiMessageBody, type AiSendRoute } from './ai-message.checks';

function check(path: string, body: unknown): string[] {
  return checkAiMessageBody(AI_SEND_ROUTES.get(path) as AiSendRoute, body);
}

const TEXT = '/whatsapp/v1/message/text/send';
const TEMPLATE = '/whatsapp/v1/template/send';
const STICKER = '/whatsapp/v1/message/sticker/send';
const VIDEO = '/whatsapp/v1/message/video/send';

describe('checkAiMessageBody', () => {
  it('has a route for every path the docs name, and a valid body for each', () => {
    expect([...AI_SEND_ROUTES.keys()].sort()).toEqual(Object.keys(validAiBodies).sort());
  });

  it.each(Object.entries(validAiBodies))('accepts a valid body on %s', (path, body) => {
    expect(check(path, body)).toEqual([]);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['campaign addressing', TEXT, { to: '919876543210' }, 'to: unknown field'],
    ['a campaign phoneId', TEXT, { phoneId: 'p' }, 'phoneId: unknown field'],
    ['a type field (the path names the kind)', TEXT, { type: 'text' }, 'type: unknown field'],
    ['a campaign reportURL', TEXT, { reportURL: 'https://example.com/r' }, 'reportURL: unknown field'],
    ['source', TEXT, { source: 'API' }, 'source: unknown field'],
    [
      'a + on the recipient',
      TEXT,
      { recipient: '+919876543210' },
      `recipient: must be the country code and number, digits only, without '+' or spaces (got "+919876543210")`,
    ],
    ['a missing phone_id', TEXT, { phone_id: undefined }, 'phone_id: is required'],
    [
      'a relative post_back_url',
      TEXT,
      { post_back_url: '/postbacks' },
      'post_back_url: must be an absolute http(s) URL (got "/postbacks")',
    ],
    ['a numeric post_back_data', TEXT, { post_back_data: 42 }, 'post_back_data: must be a string (got number)'],
    ['a missing kind object', TEXT, { text: undefined }, 'text: is required'],
    [
      'both link and id',
      VIDEO,
      { video: { link: 'https://e.com/v.mp4', id: '1' } },
      'video: give link or id, not both',
    ],
    ['neither link nor id', VIDEO, { video: { caption: 'x' } }, 'video: needs link or id'],
    ['an empty id', VIDEO, { video: { id: ' ' } }, 'video.id: must be a non-empty string (got string)'],
    [
      'a PNG sticker',
      STICKER,
      { sticker: { link: 'https://e.com/s.PNG' } },
      'sticker.link: must be a WebP image (got a .png file)',
    ],
    ['a sticker caption', STICKER, { sticker: { id: '1', caption: 'x' } }, 'sticker.caption: unknown field'],
    ['templateName in camelCase', TEMPLATE, { templateName: 'x' }, 'templateName: unknown field'],
    ['a missing template_name', TEMPLATE, { template_name: undefined }, 'template_name: is required'],
    ['variables as a list', TEMPLATE, { variables: ['a'] }, 'variables: must be an object (got array)'],
  ])('refuses %s', (_case, path, patch, problem) => {
    expect(check(path, { ...validAiBodies[path], ...patch })).toContain(problem);
  });

  it('accepts a sticker link without an extension, which may serve WebP', () => {
    expect(check(STICKER, withAiField(STICKER, 'sticker', { link: 'https://cdn.example.com/s/8f2a' }))).toEqual([]);
  });

  it('accepts a template without language or variables (both optional on the AI API)', () => {
    expect(check(TEMPLATE, { recipient: '919876543210', phone_id: 'p', template_name: 'hello' })).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    expect(check(TEXT, [])).toEqual(['body: must be a JSON object (got array)']);
  });
});
