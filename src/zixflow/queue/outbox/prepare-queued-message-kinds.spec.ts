import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { prepareQueuedMessage } from './prepare-queued-message';

/** The outbox takes every kind by its `type`, validated by the kind's DTO before Redis sees it. */
describe('prepareQueuedMessage: every message kind', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'list',
      {
        interactive: {
          body: { text: 'Pick' },
          action: { button: 'Go', sections: [{ rows: [{ id: 'a', title: 'A' }] }] },
        },
      },
    ],
    ['sticker', { sticker: { id: 'sticker-1' } }],
    ['contacts', { contacts: [{ name: { formatted_name: 'Ada' } }] }],
    ['reaction', { reaction: { message_id: 'wamid.X', emoji: '👍' } }],
    [
      'cta_url',
      { interactive: { body: { text: 'x' }, action: { parameters: { display_text: 'Go', url: 'https://e.com' } } } },
    ],
    ['location_request', { interactive: { body: { text: 'Where?' } } }],
    ['address_request', { interactive: { body: { text: 'Address?' }, action: { parameters: { country: 'IN' } } } }],
  ])('stores a %s message as validated plain data', (type, content) => {
    expect(prepareQueuedMessage({ type, to: '+1 302 389 5111', ...content })).toEqual({
      type,
      to: '13023895111',
      ...content,
    });
  });

  it('refuses an invalid new kind before it is stored', () => {
    expect(() => prepareQueuedMessage({ type: 'reaction', to: '+1 302 389 5111', reaction: { emoji: 'ok' } })).toThrow(
      ZixflowValidationError,
    );
  });
});
