import * as fc from 'fast-check';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessage } from '../validation/validate-message';
import { fastValidateMessage, validateMessageFast } from './fast-message-check';
import { WHATSAPP_MESSAGE_KINDS } from './whatsapp-message-kinds';

/** The kinds the fast path covers, with their object's key and that object's own fields. */
const KINDS = {
  video: ['video', ['link', 'id', 'caption']],
  image: ['image', ['link', 'id', 'caption']],
  audio: ['audio', ['link', 'id']],
  document: ['document', ['link', 'id', 'caption', 'filename']],
  text: ['text', ['body', 'preview_url']],
} as const;
type Kind = keyof typeof KINDS;

const BASE_FIELDS = [
  'phoneId',
  'source',
  'linkWithRecord',
  'reportURL',
  'submissionStatus',
  'postBackUrl',
  'postBackData',
  'type',
];

/** Strings at and around every length limit (100, 240, 256, 1024, 4096), in ASCII and in emoji. */
const sized = fc
  .constantFrom(1, 99, 100, 101, 128, 129, 239, 240, 241, 255, 256, 257, 512, 513, 1023, 1024, 1025, 4096, 4097)
  .chain((length) => fc.constantFrom('a'.repeat(length), '😀'.repeat(length), `${'a'.repeat(length - 1)}😀`));

const urls = fc.constantFrom(
  'https://cdn.example.com/clip.mp4',
  'http://example.com/a?b=c#d',
  'HTTPS://EXAMPLE.COM/x',
  'https://user:pw@example.com/x',
  'https://@example.com/',
  'https:/example.com',
  'https:example.com',
  'ftp://example.com/x',
  'javascript:alert(1)',
  'https://exa mple.com',
  'https://',
  '/relative/path',
  'https://example.com\\x',
);

/** Values of every type a caller might pass, valid or not for any field. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom('', ' ', '\t', 'x', 'video', 'image', 'text', 'true', '104898309288724'),
  fc.string({ maxLength: 12 }),
  urls,
  sized,
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(new Date(0)),
);

const recipients = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('+1 (302) 389-5111', '13023895111', '+44 20 7946 0958') },
  fc.constantFrom(
    '+1 (302) 389-5111',
    '13023895111',
    '001 302 389 5111',
    '(+44) 20 7946 0958',
    '+1 613 555 0123',
    '+1 613 5550',
    '6135550',
    '0301 2345678',
    '+1-800-FLOWERS',
    '',
    '+290 1234',
  ),
  fc.stringMatching(/^\+?[0-9 ()-]{6,18}$/),
  anyValue,
);

/** A value valid for most optional fields (undefined, a plain text, a URL, a boolean) more often than not. */
const mostlyFine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(undefined, 'x', 'https://example.com/r', true) },
  { weight: 1, arbitrary: anyValue },
);

function objectOf(fields: readonly string[], extra: string): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((field) => fc.tuple(fc.constant(field), mostlyFine));
  entries.push(fc.tuple(fc.constant(extra), anyValue));
  return fc
    .tuple(fc.subarray(entries.map((_, i) => i)), fc.tuple(...entries))
    .map(([picked, values]) => Object.fromEntries(picked.map((i) => values[i])));
}

/** Mostly valid parts with a random few replaced, so both answers are drawn often. */
function message(kind: Kind): fc.Arbitrary<Record<string, unknown>> {
  const [objectKey, fields] = KINDS[kind];
  const validObject =
    kind === 'text'
      ? fc.record({ body: fc.oneof(fc.constant('Hello'), sized) }, { requiredKeys: ['body'] })
      : fc.oneof(
          fc.record({ link: urls, caption: fc.option(sized, { nil: undefined }) }, { requiredKeys: ['link'] }),
          fc.record({ id: fc.oneof(fc.constant('1234'), sized) }),
        );
  const object = fc.oneof(
    { weight: 4, arbitrary: validObject },
    { weight: 2, arbitrary: objectOf(fields, 'unknownField') },
    { weight: 1, arbitrary: anyValue },
  );
  return fc
    .tuple(recipients, object, objectOf(BASE_FIELDS, 'caption'), fc.boolean())
    .map(([to, content, base, withType]) => ({
      ...(withType ? { type: kind } : {}),
      ...base,
      to,
      [objectKey]: content,
    }));
}

/** Class and own keys, in order, all the way down: what `toStrictEqual` leaves out (key order). */
function layout(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return [(value as object).constructor?.name, Object.entries(value).map(([key, item]) => [key, layout(item)])];
}

function full(kind: Kind, input: unknown): unknown {
  try {
    return validateMessage<object>(WHATSAPP_MESSAGE_KINDS[kind].dto, input);
  } catch (error) {
    if (error instanceof ZixflowValidationError) return error;
    throw error;
  }
}

describe('fast message check: accepts only what the full path accepts, with the same result', () => {
  it.each(Object.keys(KINDS) as Kind[])('%s messages', (kind) => {
    let accepted = 0;
    fc.assert(
      fc.property(message(kind), (input) => {
        const fast = fastValidateMessage<object>(WHATSAPP_MESSAGE_KINDS[kind].dto, input);
        if (fast === undefined) return;
        accepted += 1;
        const reference = full(kind, input);
        expect(reference).not.toBeInstanceOf(ZixflowValidationError);
        expect(fast).toStrictEqual(reference);
        expect(layout(fast)).toEqual(layout(reference));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
      }),
      { numRuns: 3000 },
    );
    // The generators must draw valid messages too, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts the benchmark’s message and leaves the caller’s object untouched', () => {
    const input = { type: 'video', to: '+1 (302) 389-5111', video: { link: 'https://cdn.example.com/clip.mp4' } };
    const copy = structuredClone(input);

    const fast = fastValidateMessage(WHATSAPP_MESSAGE_KINDS.video.dto, input);

    expect(fast).toStrictEqual(validateMessage(WHATSAPP_MESSAGE_KINDS.video.dto, input));
    expect(input).toEqual(copy);
    expect(fast).not.toBe(input);
  });

  it('gives every invalid message the full path’s error, word for word', () => {
    fc.assert(
      fc.property(message('video'), (input) => {
        const reference = full('video', input);
        if (!(reference instanceof ZixflowValidationError)) return;
        expect(() => validateMessageFast(WHATSAPP_MESSAGE_KINDS.video.dto, input)).toThrow(reference.message);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves DTO instances, kinds it does not cover and non-objects to the full path', () => {
    const { dto } = WHATSAPP_MESSAGE_KINDS.video;
    const instance = Object.assign(new dto(), { to: '13023895111', video: { link: 'https://e.com/v.mp4' } });

    expect(fastValidateMessage(dto, instance)).toBeUndefined();
    expect(fastValidateMessage(WHATSAPP_MESSAGE_KINDS.location.dto, { to: '13023895111' })).toBeUndefined();
    expect(fastValidateMessage(dto, 'text')).toBeUndefined();
  });
});
