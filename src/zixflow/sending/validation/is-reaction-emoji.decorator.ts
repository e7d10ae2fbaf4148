import { ValidateBy } from 'class-validator';

/** Pictographs, flags (regional indicators) and keycaps are emoji; letters and digits alone are not. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** `Intl.Segmenter` (Node 16+), typed here because the compile target's library predates it. */
const Segmenter = (
  Intl as unknown as {
    Segmenter: new (
      locale: undefined,
      options: { granularity: 'grapheme' },
    ) => { segment(text: string): Iterable<unknown> };
  }
).Segmenter;

/** One character as a person sees it (a flag or a family is one, though several code points), and an emoji. */
export function isOneEmoji(text: string): boolean {
  const graphemes = [...new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
  return graphemes.length === 1 && EMOJI.test(text);
}

/**
 * `reaction.emoji`: exactly one emoji, or `""` to remove the reaction (Meta's rule, which Zixflow
 * relays), so `"👍👍"` or `"ok"` is refused before WhatsApp would drop it.
 */
export function IsReactionEmoji(): PropertyDecorator {
  return ValidateBy({
    name: 'isReactionEmoji',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && (value === '' || isOneEmoji(value)),
      defaultMessage: () => 'must be one emoji, or "" to remove the reaction',
    },
  });
}
