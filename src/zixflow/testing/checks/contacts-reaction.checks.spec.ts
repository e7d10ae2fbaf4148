import { validAiBodies } from './ai-bodies.spec-helper';
import { AI_SEND_ROUTES, checkAiMessageBody, type AiSendRoute } from './ai-message.checks';

const CONTACTS = '/whatsapp/v1/message/contacts/send';
const REACTION = '/whatsapp/v1/message/reaction/send';

function check(path: string, patch: Record<string, unknown>): string[] {
  return checkAiMessageBody(AI_SEND_ROUTES.get(path) as AiSendRoute, { ...validAiBodies[path], ...patch });
}

describe('contacts messages', () => {
  it.each<[string, unknown, string]>([
    ['an object instead of a list', { name: { formatted_name: 'A' } }, 'contacts: must be an array (got object)'],
    ['an empty list', [], 'contacts: must contain at least 1 contact'],
    ['a contact without a name', [{ phones: [] }], 'contacts[0].name: is required'],
    [
      'a name without formatted_name',
      [{ name: { first_name: 'Ada' } }],
      'contacts[0].name.formatted_name: is required',
    ],
    [
      'a phone as a string',
      [{ name: { formatted_name: 'A' }, phones: ['+1 302'] }],
      'contacts[0].phones[0]: must be an object (got string)',
    ],
    [
      'an unknown phone field',
      [{ name: { formatted_name: 'A' }, phones: [{ number: '1' }] }],
      'contacts[0].phones[0].number: unknown field',
    ],
    [
      'a birthday in another format',
      [{ name: { formatted_name: 'A' }, birthday: '10/12/1815' }],
      'contacts[0].birthday: must be a date like "1990-01-31" (got "10/12/1815")',
    ],
  ])('refuses %s', (_case, contacts, problem) => {
    expect(check(CONTACTS, { contacts })).toContain(problem);
  });
});

describe('reaction messages', () => {
  it.each(['👍', '❤️', '👨‍👩‍👧', '🇮🇳', '1️⃣', ''])('accepts %j', (emoji) => {
    expect(check(REACTION, { reaction: { message_id: 'wamid.X', emoji } })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'two emoji',
      { message_id: 'wamid.X', emoji: '👍👍' },
      'reaction.emoji: must be one emoji, or "" to remove the reaction (got "👍👍")',
    ],
    [
      'a letter',
      { message_id: 'wamid.X', emoji: 'a' },
      'reaction.emoji: must be one emoji, or "" to remove the reaction (got "a")',
    ],
    ['no emoji', { message_id: 'wamid.X' }, 'reaction.emoji: is required (send "" to remove a reaction)'],
    ['no message id', { emoji: '👍' }, 'reaction.message_id: is required'],
    [
      'a numeric message id',
      { message_id: 7, emoji: '👍' },
      'reaction.message_id: must be a non-empty string (got number)',
    ],
  ])('refuses %s', (_case, reaction, problem) => {
    expect(check(REACTION, { reaction })).toContain(problem);
  });
});
