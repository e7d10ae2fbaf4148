import { validAiBodies, validList } from './ai-bodies.spec-helper';
import { AI_SEND_ROUTES, checkAiMessageBody, type AiSendRoute } from './ai-message.checks';
import { envelope } from './body-checks.spec-helper';
import { checkSessionMessageBody } from './session-message.checks';

const LIST = '/whatsapp/v1/message/interactive/list-buttons/send';
const CTA = '/whatsapp/v1/message/interactive/url-button/send';
const LOCATION_REQUEST = '/whatsapp/v1/message/interactive/location-request/send';
const ADDRESS = '/whatsapp/v1/message/interactive/address/send';

function check(path: string, interactive: Record<string, unknown>): string[] {
  return checkAiMessageBody(AI_SEND_ROUTES.get(path) as AiSendRoute, { ...validAiBodies[path], interactive });
}

function interactiveOf(path: string): Record<string, unknown> {
  return validAiBodies[path].interactive as Record<string, unknown>;
}

const rows = (count: number, prefix = 'r'): Array<Record<string, unknown>> =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, title: `Row ${index}` }));

describe('list messages', () => {
  const withAction = (action: Record<string, unknown>): Record<string, unknown> => ({
    ...validList,
    action: { ...validList.action, ...action },
  });

  it('are accepted on the campaign API as type "interactive" with interactive.type "list" (inferred)', () => {
    expect(checkSessionMessageBody({ ...envelope, type: 'interactive', interactive: validList })).toEqual([]);
  });

  it('may leave interactive.type out on the AI list path, which names the kind', () => {
    const { type: _type, ...withoutType } = validList;
    expect(check(LIST, withoutType)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a menu button over 20 characters',
      withAction({ button: 'x'.repeat(21) }),
      'interactive.action.button: must be 1-20 characters (got 21)',
    ],
    ['no sections', withAction({ sections: [] }), 'interactive.action.sections: must contain 1-10 sections (got 0)'],
    [
      'eleven sections',
      withAction({ sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) })) }),
      'interactive.action.sections: must contain 1-10 sections (got 11)',
    ],
    [
      'eleven rows in all',
      withAction({
        sections: [
          { title: 'A', rows: rows(6, 'a') },
          { title: 'B', rows: rows(5, 'b') },
        ],
      }),
      'interactive.action.sections: must hold at most 10 rows in all (got 11)',
    ],
    [
      'a repeated row id across sections',
      withAction({
        sections: [
          { title: 'A', rows: rows(1) },
          { title: 'B', rows: rows(1) },
        ],
      }),
      'interactive.action.sections[1].rows[0].id: row ids must be unique ("r0" is repeated)',
    ],
    [
      'a row title over 24 characters',
      withAction({ sections: [{ rows: [{ id: 'a', title: 'x'.repeat(25) }] }] }),
      'interactive.action.sections[0].rows[0].title: must be 1-24 characters (got 25)',
    ],
    [
      'a description over 72 characters',
      withAction({ sections: [{ rows: [{ id: 'a', title: 'A', description: 'x'.repeat(73) }] }] }),
      'interactive.action.sections[0].rows[0].description: must be at most 72 characters (got 73)',
    ],
    [
      'a row id over 200 characters',
      withAction({ sections: [{ rows: [{ id: 'x'.repeat(201), title: 'A' }] }] }),
      'interactive.action.sections[0].rows[0].id: must be 1-200 characters (got 201)',
    ],
    [
      'two sections, one without a title',
      withAction({ sections: [{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }] }),
      'interactive.action.sections[0].title: is required',
    ],
    [
      'an empty section',
      withAction({ sections: [{ title: 'A', rows: [] }] }),
      'interactive.action.sections[0].rows: must contain at least 1 row',
    ],
    [
      'an image header (lists take text only)',
      { ...validList, header: { type: 'image', image: { link: 'https://e.com/a.png' } } },
      'interactive.header.type: must be one of text (got "image")',
    ],
    ['reply buttons in a list', withAction({ buttons: [] }), 'interactive.action.buttons: unknown field'],
  ])('refuses %s', (_case, interactive, problem) => {
    expect(check(LIST, interactive)).toContain(problem);
  });

  it('accepts one section of ten rows without a title', () => {
    expect(check(LIST, withAction({ sections: [{ rows: rows(10) }] }))).toEqual([]);
  });
});

describe('CTA URL, location request and address request messages', () => {
  it.each<[string, string, (interactive: Record<string, unknown>) => Record<string, unknown>, string]>([
    [
      'a CTA label over 20 characters',
      CTA,
      (i) => ({
        ...i,
        action: { name: 'cta_url', parameters: { display_text: 'x'.repeat(21), url: 'https://e.com' } },
      }),
      'interactive.action.parameters.display_text: must be 1-20 characters (got 21)',
    ],
    [
      'a CTA without a URL',
      CTA,
      (i) => ({ ...i, action: { name: 'cta_url', parameters: { display_text: 'Open' } } }),
      'interactive.action.parameters.url: is required',
    ],
    [
      'a CTA with the wrong action name',
      CTA,
      (i) => ({ ...i, action: { name: 'url', parameters: {} } }),
      'interactive.action.name: must be "cta_url" (got "url")',
    ],
    [
      'a CTA marked as a list',
      CTA,
      (i) => ({ ...i, type: 'list' }),
      'interactive.type: must be "cta_url" (got "list")',
    ],
    [
      'a location request with a header',
      LOCATION_REQUEST,
      (i) => ({ ...i, header: { type: 'text', text: 'x' } }),
      'interactive.header: unknown field',
    ],
    [
      'a location request without a body',
      LOCATION_REQUEST,
      (i) => ({ ...i, body: undefined }),
      'interactive.body: is required',
    ],
    [
      'a location request with another action',
      LOCATION_REQUEST,
      (i) => ({ ...i, action: { name: 'send_address' } }),
      'interactive.action.name: must be "send_location" (got "send_address")',
    ],
    [
      'an address request without a country',
      ADDRESS,
      (i) => ({ ...i, action: { name: 'address_message', parameters: {} } }),
      'interactive.action.parameters.country: is required',
    ],
    [
      'an address request with a lower-case country',
      ADDRESS,
      (i) => ({ ...i, action: { name: 'address_message', parameters: { country: 'india' } } }),
      'interactive.action.parameters.country: must be a two-letter country code such as "IN" (got "india")',
    ],
    [
      'an address value that is not text',
      ADDRESS,
      (i) => ({
        ...i,
        action: { name: 'address_message', parameters: { country: 'IN', values: { in_pin_code: 411001 } } },
      }),
      'interactive.action.parameters.values.in_pin_code: must be a string (got number)',
    ],
  ])('refuses %s', (_case, path, patch, problem) => {
    expect(check(path, patch(interactiveOf(path)))).toContain(problem);
  });
});
