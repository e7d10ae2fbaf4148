import * as fc from 'fast-check';
import { ZixflowSendResult, ZixflowValidationError, ZixflowWhatsappService } from '../src/zixflow';
import { checkAiSendBody, ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, PHONE_ID, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';

/*
 * The AI API's property: every send either refuses the input before the network (a
 * ZixflowValidationError, no request) or sends a body the sandbox's independent AI checks accept.
 * The DTOs and the sandbox are two implementations of the same documented rules, so any input
 * one accepts and the other refuses is a bug in one of them.
 */

// PROPERTY_RUNS=1000 PROPERTY_SEED=<any integer> for a longer hunt (the seed is fixed in test/fast-check.setup.ts).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
jest.setTimeout(120_000);

type JsonObject = Record<string, unknown>;

/** Characters that make length rules disagree; U+FE0F is left out (a known disagreement, pinned elsewhere). */
const tricky = fc.constantFrom('a', 'Z', ' ', 'é', '😀', '中', '"', '\\', '\u0301');
function text(max: number): fc.Arbitrary<string> {
  const length = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: Math.min(max, 30) }) },
    // At and one past the limit, rarely enough that a list of ten fields is still often valid.
    { weight: 1, arbitrary: fc.constantFrom(max, max + 1) },
  );
  return length
    .chain((size) =>
      fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'k', '7') }, { weight: 1, arbitrary: tricky }), {
        minLength: size,
        maxLength: size,
      }),
    )
    .map((chars) => chars.join(''))
    .filter((value) => /\S/.test(value));
}
const url = fc.oneof(
  { weight: 5, arbitrary: fc.webUrl({ validSchemes: ['http', 'https'] }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'https://cdn.example.com/a.webp',
      'https://cdn.example.com/a.png',
      'ftp://x',
      'https://u:p@e.com/x',
    ),
  },
);
const phone = fc.constantFrom('+1 302 389 5111', '+44 20 7946 0958', '919876543210', '0301 2345678');
const emoji = fc.constantFrom('👍', '❤️', '🇮🇳', '', 'ok', '👍👍', '1️⃣');
const media = fc.oneof(
  fc.record({ link: url, caption: text(1024) }, { requiredKeys: ['link'] }),
  fc.record({ id: text(30), caption: text(1024) }, { requiredKeys: ['id'] }),
  fc.record({ id: text(30), link: url }),
);
const rows = fc.uniqueArray(
  fc.record({ id: text(200), title: text(24), description: text(72) }, { requiredKeys: ['id', 'title'] }),
  {
    minLength: 1,
    maxLength: 4,
    selector: (row) => row.id,
  },
);
const interactiveText = fc.record({ text: text(1024) });

const KINDS: Record<string, [keyof ZixflowWhatsappService, fc.Arbitrary<JsonObject>]> = {
  text: [
    'sendText',
    fc.record({ text: fc.record({ body: text(4096), preview_url: fc.boolean() }, { requiredKeys: ['body'] }) }),
  ],
  video: ['sendVideo', fc.record({ video: media })],
  sticker: ['sendSticker', fc.record({ sticker: fc.oneof(fc.record({ link: url }), fc.record({ id: text(40) })) })],
  contacts: [
    'sendContacts',
    fc.record({
      contacts: fc.array(
        fc.record(
          {
            name: fc.record({ formatted_name: text(256), first_name: text(40) }, { requiredKeys: ['formatted_name'] }),
            phones: fc.array(fc.record({ phone: text(20), type: fc.constantFrom('WORK', 'HOME') }), { maxLength: 2 }),
            birthday: fc.constantFrom('1815-12-10', '10/12/1815'),
          },
          { requiredKeys: ['name'] },
        ),
        { minLength: 1, maxLength: 2 },
      ),
    }),
  ],
  reaction: ['sendReaction', fc.record({ reaction: fc.record({ message_id: text(60), emoji }) })],
  list: [
    'sendList',
    fc.record({
      interactive: fc.record(
        {
          header: fc.record({ type: fc.constant('text'), text: text(60) }),
          body: fc.record({ text: text(4096) }),
          footer: fc.record({ text: text(60) }),
          action: fc.record({ button: text(20), rows, title: text(24) }).map(({ button, rows: list, title }) => ({
            button,
            sections: [{ title, rows: list }],
          })),
        },
        { requiredKeys: ['body', 'action'] },
      ),
    }),
  ],
  cta_url: [
    'sendCtaUrl',
    fc.record({
      interactive: fc.record({
        body: interactiveText,
        action: fc.record({ parameters: fc.record({ display_text: text(20), url }) }),
      }),
    }),
  ],
  location_request: ['sendLocationRequest', fc.record({ interactive: fc.record({ body: interactiveText }) })],
  address_request: [
    'sendAddressRequest',
    fc.record({
      interactive: fc.record({
        body: interactiveText,
        action: fc.record({
          parameters: fc.record(
            {
              country: fc.constantFrom('IN', 'SG', 'IN', 'SG', 'in', 'IND'),
              values: fc.dictionary(
                fc.constantFrom('name', 'city'),
                fc.oneof({ weight: 4, arbitrary: text(20) }, { weight: 1, arbitrary: fc.integer() }),
              ),
            },
            { requiredKeys: ['country'] },
          ),
        }),
      }),
    }),
  ],
  template: [
    'sendTemplate',
    fc.record(
      {
        templateName: text(512),
        language: fc.constantFrom('en', 'pt_BR'),
        variables: fc.dictionary(text(10), text(20)),
      },
      { requiredKeys: ['templateName', 'language'] },
    ),
  ],
};

// Campaign-only fields (reportURL, source, …) are refused on the AI API by name; other suites check that.
const envelope = fc.record({ to: phone, postBackUrl: url, postBackData: text(64) }, { requiredKeys: ['to'] });

/** One field replaced by any JSON, or removed, at a random path. */
function mutated(message: JsonObject): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]): void => {
    paths.push(path);
    if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(message, []);
  return fc
    .record({
      path: fc.constantFrom(...paths.filter((path) => path.length > 0)),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
    })
    .map(({ path, value }) => {
      const copy = structuredClone(message);
      const parent = path.slice(0, -1).reduce<JsonObject>((node, key) => node[key] as JsonObject, copy);
      if (value === undefined) delete parent[path[path.length - 1]];
      else parent[path[path.length - 1]] = value;
      return copy;
    });
}

describe('property (AI API): a send is refused before the network or sends a body the sandbox accepts', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    service = await startWhatsapp({
      baseUrl: sandbox.url,
      api: 'ai',
      workspaceId: sandbox.workspaceId,
      defaultPhoneId: PHONE_ID,
      retry: false,
    });
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  describe.each(Object.entries(KINDS))('%s', (_kind, [method, content]) => {
    it('valid messages, with or without one random change', async () => {
      let sent = 0;
      const messages = fc.tuple(envelope, content).map(([base, own]) => ({ ...base, ...own }));
      await fc.assert(
        fc.asyncProperty(fc.oneof(messages, messages.chain(mutated)), async (input) => {
          sandbox.clear();
          const send = service.whatsapp[method].bind(service.whatsapp) as (
            message: unknown,
          ) => Promise<ZixflowSendResult>;
          const failure = await send(input).then(
            () => undefined,
            (error: unknown) => error,
          );
          const requests = sandbox.requests;
          if (failure !== undefined) {
            if (!(failure instanceof ZixflowValidationError) || requests.length > 0) {
              throw new Error(
                `third outcome: ${String(failure)} after ${requests.length} request(s) for ${JSON.stringify(input)}`,
              );
            }
            return;
          }
          const problems =
            requests.length === 1 ? checkAiSendBody(requests[0].path, requests[0].body) : ['not one request'];
          if (problems.length > 0 || sandbox.messages.length !== 1) {
            throw new Error(`sent a body the sandbox refuses (${problems.join('; ')}): ${requests[0]?.rawBody}`);
          }
          sent += 1;
        }),
        { numRuns: RUNS },
      );
      // The accept branch must really be exercised, not only refusals.
      expect(sent).toBeGreaterThanOrEqual(RUNS / 20);
    });
  });
});
