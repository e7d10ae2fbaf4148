import * as fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import {
  normalizeWhatsappNumber,
  ZixflowSendResult,
  ZixflowValidationError,
  ZixflowWhatsappService,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from '../src/zixflow';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from '../src/zixflow/sending/messages/whatsapp-message-kinds';
import { checkSessionMessageBody, checkTemplateMessageBody, ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, PHONE_ID, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';

// class-transformer ships its metadata storage apart from its typings; its @Type entries say which
// class validates a nested object, which is what "a real property path" is checked against.
const { defaultMetadataStorage } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** Runs per property and method; each accepted run is a real request to the sandbox. */
const RUNS = 150;

// Shrinking a counterexample replays many sends; a Jest time-out would leave it running into the next test.
jest.setTimeout(120_000);

/** JSON with every non-ASCII character escaped, so invisible ones (U+FE0F) show in a counterexample. */
function visible(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

type SendMethod =
  | 'sendVideo'
  | 'sendImage'
  | 'sendAudio'
  | 'sendDocument'
  | 'sendText'
  | 'sendLocation'
  | 'sendReplyButtons'
  | 'sendList'
  | 'sendTemplate';

/** The kinds the campaign API takes (lists inferred); the AI API's own kinds have their property spec. */
type CampaignType = Extract<
  WhatsappMessageType,
  'video' | 'image' | 'audio' | 'document' | 'text' | 'location' | 'interactive' | 'list' | 'template'
>;

const METHOD_BY_TYPE: Record<CampaignType, SendMethod> = {
  video: 'sendVideo',
  image: 'sendImage',
  audio: 'sendAudio',
  document: 'sendDocument',
  text: 'sendText',
  location: 'sendLocation',
  interactive: 'sendReplyButtons',
  list: 'sendList',
  template: 'sendTemplate',
};
const TYPES = Object.keys(METHOD_BY_TYPE) as CampaignType[];

type Json = ReturnType<typeof JSON.parse>;
type JsonObject = Record<string, unknown>;

// ------------------------------------------------------------------ arbitraries

/**
 * Characters that could make length rules disagree: astral emoji, combining marks, blanks, quotes.
 * Variation selectors (U+FE0F) are left out: they are a known disagreement, pinned below.
 */
const trickyChar = fc.constantFrom('a', 'Z', ' ', 'é', 'ß', '\u00a0', '😀', '❤', '\u0301', '中', '\t', '"', '\\');

/** A string of `length` characters, mostly plain, sometimes tricky. */
function textOfLength(length: number): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'k', 'Q', '7') },
        { weight: 1, arbitrary: trickyChar },
      ),
      {
        minLength: length,
        maxLength: length,
      },
    )
    .map((chars) => chars.join(''));
}

/**
 * Non-blank text of about 1..max characters, biased to the limits (one or two over included),
 * where the DTOs' and the sandbox's ways of counting characters could disagree.
 */
function text(max: number): fc.Arbitrary<string> {
  const lengths = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: Math.min(max, 64) }) },
    { weight: 3, arbitrary: fc.constantFrom(1, Math.max(1, max - 1), max) },
    { weight: 1, arbitrary: fc.constantFrom(max + 1, max + 2) },
  );
  return lengths.chain(textOfLength).filter((value) => /\S/.test(value));
}

const url = fc.oneof(
  fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://cdn.example.com/v.mp4',
    'http://127.0.0.1:8080/a b',
    'HTTPS://EXAMPLE.COM/X',
    'https://例え.jp/画像.png',
  ),
);

/** Numbers written the ways people type them, most of them possible numbers for their country. */
const phone = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          '13023895111',
          '442079460958',
          '919876543210',
          '4930123456',
          '8613800138000',
          '2901234',
          '79123456789',
        ),
        fc.constantFrom('', '+', '00', '+ ', '00 '),
        fc.constantFrom(' ', '-', '.', ''),
      )
      .map(
        ([digits, prefix, separator]) =>
          `${prefix}${digits.slice(0, 2)}${separator}${digits.slice(2, 6)}${separator}${digits.slice(6)}`,
      ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^\+?[0-9 ().-]{5,20}$/) },
);

const envelope = fc.record(
  {
    to: phone,
    phoneId: fc.oneof(fc.constant(PHONE_ID), text(20)),
    source: text(100),
    linkWithRecord: fc.boolean(),
    reportURL: url,
    submissionStatus: fc.boolean(),
  },
  { requiredKeys: ['to'] },
);

const media = fc.record({ link: url, caption: text(1024) }, { requiredKeys: ['link'] });
const header = fc.oneof(
  fc.record({ type: fc.constant('text'), text: text(60) }),
  ...(['image', 'video', 'document'] as const).map((type) =>
    fc.record({ type: fc.constant(type), [type]: fc.record({ link: url }) }),
  ),
);
const buttons = fc.uniqueArray(
  fc.record({
    type: fc.constant('reply'),
    reply: fc.record({ id: fc.oneof(text(256), fc.constantFrom('yes', 'no')), title: text(20) }),
  }),
  {
    minLength: 1,
    maxLength: 3,
    selector: (button) => button.reply.title,
  },
);
const coordinate = (limit: number): fc.Arbitrary<string | number> =>
  fc.oneof(
    fc.double({ min: -limit, max: limit, noNaN: true }),
    fc.integer({ min: -limit, max: limit }).map(String),
    fc.constantFrom('0', `-${limit}`, `${limit}.0`, '12.9716', '-0.000001'),
  );

const listRows = fc.uniqueArray(
  fc.record({ id: text(200), title: text(24), description: text(72) }, { requiredKeys: ['id', 'title'] }),
  { minLength: 1, maxLength: 4, selector: (row) => row.id },
);

/** A message of each kind that the DTOs are meant to accept (before mutation). */
const CONTENT: Record<CampaignType, fc.Arbitrary<JsonObject>> = {
  video: fc.record({ video: media }),
  image: fc.record({ image: media }),
  audio: fc.record({ audio: fc.record({ link: url }) }),
  document: fc.record({
    document: fc.record({ link: url, caption: text(1024), filename: text(240) }, { requiredKeys: ['link'] }),
  }),
  text: fc.record({ text: fc.record({ body: text(4096), preview_url: fc.boolean() }, { requiredKeys: ['body'] }) }),
  location: fc.record({
    location: fc.record(
      { latitude: coordinate(90), longitude: coordinate(180), name: text(1000), address: text(1000) },
      { requiredKeys: ['latitude', 'longitude'] },
    ),
  }),
  interactive: fc.record({
    interactive: fc.record(
      {
        type: fc.constant('button'),
        header,
        body: fc.record({ text: text(1024) }),
        footer: fc.record({ text: text(60) }),
        action: fc.record({ action: buttons }).map(({ action }) => ({ buttons: action })),
      },
      { requiredKeys: ['body', 'action'] },
    ),
  }),
  list: fc.record({
    interactive: fc.record(
      {
        type: fc.constant('list'),
        header: fc.record({ type: fc.constant('text'), text: text(60) }),
        body: fc.record({ text: text(4096) }),
        footer: fc.record({ text: text(60) }),
        action: fc.record({ button: text(20), rows: listRows }).map(({ button, rows }) => ({
          button,
          sections: [{ title: 'Pick', rows }],
        })),
      },
      { requiredKeys: ['body', 'action'] },
    ),
  }),
  template: fc.record({
    templateName: text(512),
    language: fc.constantFrom('en', 'en_US', 'pt_BR', 'hi'),
    variables: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(fc.string(), url), { maxKeys: 4 }),
  }),
};

function validish(type: CampaignType): fc.Arbitrary<JsonObject> {
  return fc.tuple(envelope, CONTENT[type]).map(([base, content]) => ({ ...base, ...content }));
}

/** Every path of a JSON value, as arrays of keys; the root is []. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/**
 * Sets an own data property, as JSON.parse does: plain assignment of `__proto__` would replace the
 * object's prototype instead, which no JSON input can do.
 */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutated(
  message: JsonObject,
  path: string[],
  mutation: { kind: 'delete' | 'set' | 'add'; value: Json; key: string },
): unknown {
  const copy = structuredClone(message) as JsonObject;
  if (path.length === 0) {
    if (mutation.kind === 'set') {
      return mutation.value;
    }
    setOwn(copy, mutation.key, mutation.value);
    return copy;
  }
  const parent = path.slice(0, -1).reduce<JsonObject>((node, key) => node[key] as JsonObject, copy);
  const last = path[path.length - 1];
  if (mutation.kind === 'delete') {
    delete parent[last];
  } else if (mutation.kind === 'set') {
    setOwn(parent, last, mutation.value);
  } else if (typeof parent[last] === 'object' && parent[last] !== null) {
    setOwn(parent[last] as object, mutation.key, mutation.value);
  }
  return copy;
}

/** A valid message with one random change: a field removed, replaced by any JSON, or an extra key. */
function mutatedValid(type: CampaignType): fc.Arbitrary<unknown> {
  return validish(type).chain((message) =>
    fc
      .record({
        path: fc.constantFrom(...pathsOf(message)),
        kind: fc.constantFrom<'delete' | 'set' | 'add'>('delete', 'set', 'add'),
        value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), text(30), fc.constant(null)),
        key: fc.oneof(
          fc.constantFrom(
            'caption',
            'type',
            'link',
            'text',
            'image',
            '__proto__',
            'constructor',
            'prototype',
            'toString',
          ),
          fc.string({ maxLength: 8 }),
        ),
      })
      .map(({ path, ...mutation }) => mutated(message, path, mutation)),
  );
}

/** An object with the kind's real top-level keys (and some others), each holding any JSON. */
function keyedGarbage(type: WhatsappMessageType): fc.Arbitrary<unknown> {
  const keys = [...declaredProperties(WHATSAPP_MESSAGE_KINDS[type].dto).keys(), 'extra', 'TYPE'];
  return fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
}

// ------------------------------------------------------------ DTO property paths

type Constructor = new () => object;

/** The properties a DTO class declares, each with the class of its nested object, if any. */
function declaredProperties(dto: Constructor): Map<string, Constructor | undefined> {
  const properties = new Map<string, Constructor | undefined>();
  for (const { propertyName } of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, propertyName)?.typeFunction() as
      Constructor | undefined;
    properties.set(propertyName, nested);
  }
  return properties;
}

/**
 * True when every segment of `path` is a property the DTO declares at that depth, a key the input
 * has there, or an array index of a list the input has there.
 */
function isRealPath(path: string[], dto: Constructor, input: unknown): boolean {
  let type: Constructor | undefined = dto;
  let value: unknown = input;
  for (const segment of path) {
    const declared: Map<string, Constructor | undefined> | undefined =
      type === undefined ? undefined : declaredProperties(type);
    const inInput = typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, segment);
    if (Array.isArray(value) && /^\d+$/.test(segment)) {
      value = value[Number(segment)];
      continue;
    }
    if (!declared?.has(segment) && !inInput) {
      return false;
    }
    type = declared?.get(segment);
    value = inInput ? (value as JsonObject)[segment] : undefined;
  }
  return true;
}

/**
 * Whether a validation line starts with a real property path and a space. Keys may themselves
 * contain dots or spaces, so every split of the line's start into path segments is tried; the
 * whole message (not an object at all) is called `message`.
 */
function namesRealPath(line: string, dto: Constructor, input: unknown): boolean {
  if (line.startsWith('message ') && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    return true;
  }
  // The first word covers declared fields missing from an array item (`buttons.0.reply.title`).
  const candidates = [...pathsOf(input), ...declaredPaths(dto), line.split(' ')[0].split('.')];
  return candidates.some(
    (path) => path.length > 0 && line.startsWith(`${path.join('.')} `) && isRealPath(path, dto, input),
  );
}

/** Every property path a DTO declares, nested DTOs included (array items by any index are matched via the input). */
function declaredPaths(dto: Constructor, prefix: string[] = []): string[][] {
  return [...declaredProperties(dto)].flatMap(([name, nested]) => {
    const path = [...prefix, name];
    return nested === undefined ? [path] : [path, ...declaredPaths(nested, path)];
  });
}

/** Keys whose handling is a known problem (pinned below), so generated inputs avoid them: "". */
function hasKnownBadKey(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.entries(value).some(([key, child]) => key === '' || hasKnownBadKey(child))
  );
}

// ------------------------------------------------------------------- properties

describe('property: every send either refuses the input before the network or sends a body the sandbox accepts', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    service = await startWhatsapp({ baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, retry: false });
    whatsapp = service.whatsapp;
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  type Outcome = { refused: readonly string[] } | { sent: JsonObject };

  /**
   * Sends `input` and says which of the two allowed outcomes happened; anything else (another
   * error, a request on refusal, a body the sandbox rejects) fails the property with the details.
   */
  async function outcomeOf(type: CampaignType, input: unknown): Promise<Outcome> {
    sandbox.clear();
    const send = whatsapp[METHOD_BY_TYPE[type]].bind(whatsapp) as (message: unknown) => Promise<ZixflowSendResult>;
    let failure: unknown;
    try {
      await send(input);
    } catch (error) {
      failure = error;
    }
    const requests = sandbox.requests;
    if (failure !== undefined) {
      if (!(failure instanceof ZixflowValidationError) || requests.length > 0) {
        const sent = requests.map((request) => visible(request.rawBody)).join(', ');
        throw new Error(
          `third outcome: ${String(failure)} after ${requests.length} request(s) ${sent} for ${visible(input)}`,
        );
      }
      return { refused: failure.errors };
    }
    const [request] = requests;
    const check = request.path === ZIXFLOW_TEMPLATE_MESSAGE_PATH ? checkTemplateMessageBody : checkSessionMessageBody;
    const problems = check(request.body);
    if (requests.length !== 1 || sandbox.messages.length !== 1 || problems.length > 0) {
      throw new Error(
        `sent a body the sandbox refuses (${problems.join('; ')}; ${requests.length} request(s), ${sandbox.messages.length} accepted): ${visible(request.rawBody)}`,
      );
    }
    return { sent: request.body as JsonObject };
  }

  function assertRealPaths(type: WhatsappMessageType, input: unknown, outcome: Outcome): void {
    if ('refused' in outcome) {
      for (const line of outcome.refused) {
        if (!namesRealPath(line, WHATSAPP_MESSAGE_KINDS[type].dto, input)) {
          throw new Error(`"${line}" does not start with a property path of the message ${visible(input)}`);
        }
      }
    }
  }

  describe.each(TYPES)('%s', (type) => {
    it('arbitrary JSON → refused with ZixflowValidationError naming real paths, or accepted (never a third outcome)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), keyedGarbage(type)), async (input) => {
          fc.pre(!hasKnownBadKey(input));
          assertRealPaths(type, input, await outcomeOf(type, input));
        }),
        { numRuns: RUNS },
      );
    });

    it('valid messages with one random change → refused naming real paths, or a body the sandbox accepts', async () => {
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(validish(type), mutatedValid(type)), async (input) => {
          fc.pre(!hasKnownBadKey(input));
          const outcome = await outcomeOf(type, input);
          assertRealPaths(type, input, outcome);
          sent += 'sent' in outcome ? 1 : 0;
        }),
        { numRuns: RUNS },
      );
      // The accept branch must really be exercised, not only refusals.
      expect(sent).toBeGreaterThanOrEqual(RUNS / 10);
    });
  });
});

/**
 * Problems found by the properties (and one while profiling) outside this change's files, pinned
 * with their counterexamples.
 * `it.failing` passes while the problem exists; once it is fixed the test fails, as a reminder to
 * turn it into a plain `it` (and drop the matching exclusion from the generators above).
 */
describe('problems found while testing: the two DTO/sandbox length disagreements pinned, the rest fixed', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    service = await startWhatsapp({ baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  beforeEach(() => sandbox.clear());

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  const button = (title: string): JsonObject => ({ type: 'reply', reply: { id: 'id-1', title } });

  // The DTOs count length with validator.js, which does not count a variation selector after a
  // character; the sandbox counts code points. '❤️' is 2 code points, 1 for the DTO.
  it.failing(
    'DTO/sandbox disagreement: a title of 11 × "❤\ufe0f" (22 code points) passes the DTO, the sandbox refuses it',
    async () => {
      const message = {
        to: '+1 302 389 5111',
        interactive: { body: { text: 'Pick' }, action: { buttons: [button('❤\ufe0f'.repeat(11))] } },
      };
      const refusedLocally = await service.whatsapp.sendReplyButtons(message as never).then(
        () => false,
        (error: unknown) => error instanceof ZixflowValidationError,
      );
      expect(refusedLocally || sandbox.messages.length === 1).toBe(true);
    },
  );

  it.failing(
    'DTO/sandbox disagreement: a caption of 1023 × "a" + "❤\ufe0f" (1025 code points) passes the DTO, the sandbox refuses it',
    async () => {
      const message = {
        to: '+1 302 389 5111',
        video: { link: 'https://cdn.example.com/v.mp4', caption: `${'a'.repeat(1023)}❤\ufe0f` },
      };
      const refusedLocally = await service.whatsapp.sendVideo(message).then(
        () => false,
        (error: unknown) => error instanceof ZixflowValidationError,
      );
      expect(refusedLocally || sandbox.messages.length === 1).toBe(true);
    },
  );

  it('an empty key is named as such ("" at the top, video."" inside), not as the whole "message"', async () => {
    const refusal = async (message: unknown): Promise<readonly string[]> =>
      (
        (await service.whatsapp
          .sendVideo(message as never)
          .catch((rejection: unknown) => rejection)) as ZixflowValidationError
      ).errors;
    const video = { link: 'https://cdn.example.com/v.mp4' };
    expect(await refusal({ to: '+1 302 389 5111', video, '': 1 })).toEqual([
      '"" is not a field Zixflow accepts here; remove it',
    ]);
    expect(await refusal({ to: '+1 302 389 5111', video: { ...video, '': 1 } })).toEqual([
      'video."" is not a field Zixflow accepts here; remove it',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });
});

/** Once known problems: class-transformer skips (or, for a string `constructor`, crashes on) these keys. */
describe('reserved keys (__proto__, constructor) are refused like any unknown key', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    service = await startWhatsapp({ baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  beforeEach(() => sandbox.clear());

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  async function refusal(send: Promise<unknown>): Promise<readonly string[]> {
    const error: unknown = await send.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ZixflowValidationError);
    return (error as ZixflowValidationError).errors;
  }

  it('a template variable named "constructor" (once a TypeError)', async () => {
    const message = { to: '+1 302 389 5111', templateName: 'otp', language: 'en', variables: { constructor: 'x' } };
    expect(await refusal(service.whatsapp.sendTemplate(message))).toEqual([
      'variables.constructor is not a field Zixflow accepts here; remove it',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a template variable named "__proto__", as JSON.parse makes it (once dropped silently)', async () => {
    const message = JSON.parse(
      '{"to":"+1 302 389 5111","templateName":"otp","language":"en","variables":{"__proto__":"x","code":"1234"}}',
    ) as never;
    expect(await refusal(service.whatsapp.sendTemplate(message))).toEqual([
      'variables.__proto__ is not a field Zixflow accepts here; remove it',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('an unknown nested key named "constructor" (once dropped silently)', async () => {
    const message = { to: '+1 302 389 5111', text: { body: 'hi', constructor: 'x' } } as never;
    expect(await refusal(service.whatsapp.sendText(message))).toEqual([
      'text.constructor is not a field Zixflow accepts here; remove it',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('property: normalizeWhatsappNumber', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
  const typedNumber = fc.stringMatching(/^\s*(\+|00)?[0-9 ().-]{0,24}\s*$/);

  it('yields nothing or 7 to 15 digits, without a leading 0', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, typedNumber), (input) => {
        const output = normalizeWhatsappNumber(input);
        return output === undefined || /^[1-9]\d{6,14}$/.test(output);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent: its output normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, typedNumber), (input) => {
        const output = normalizeWhatsappNumber(input);
        return output === undefined || normalizeWhatsappNumber(output) === output;
      }),
      { numRuns: 5000 },
    );
  });

  it('ignores the formatting people type: spaces, dashes, dots, brackets, + or 00', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('13023895111', '442079460958', '919876543210', '8613800138000'),
        fc.array(fc.constantFrom(' ', '-', '.', '(', ')'), { maxLength: 6 }),
        fc.constantFrom('+', '00', ''),
        (digits, separators, prefix) => {
          const typed = prefix + [...digits].map((digit, index) => digit + (separators[index] ?? '')).join('');
          return normalizeWhatsappNumber(typed) === digits;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
