import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { prepareQueuedMessage, prepareQueuedMessages } from './prepare-queued-message';

describe('prepareQueuedMessage', () => {
  it('returns the validated plain message with its type: `to` normalised, coordinates as strings', () => {
    expect(
      prepareQueuedMessage({
        type: 'location',
        to: '+1 (302) 389-5111',
        location: { latitude: 51.5, longitude: -0.12 },
      }),
    ).toEqual({
      type: 'location',
      to: '13023895111',
      location: { latitude: '51.5', longitude: '-0.12' },
    });
  });

  it('keeps a template’s type for the worker, though the template endpoint never receives it', () => {
    const message = { type: 'template', to: '+1 302 389 5111', templateName: 'hello', language: 'en', variables: {} };
    expect(prepareQueuedMessage(message)).toEqual({ ...message, to: '13023895111' });
  });

  it('returns a plain object whose JSON (what BullMQ stores) is plain data, and leaves the caller’s object alone', () => {
    const message = { type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' } };
    const prepared = prepareQueuedMessage(message);
    expect(Object.getPrototypeOf(prepared)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(prepared))).toStrictEqual({
      to: '13023895111',
      text: { body: 'Hi' },
      type: 'text',
    });
    expect(message.to).toBe('+1 302 389 5111');
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'video',
      { to: '+1 302 389 5111', video: { link: 'https://cdn.example.com/v.mp4', caption: 'Clip' } },
      { to: '13023895111', video: { link: 'https://cdn.example.com/v.mp4', caption: 'Clip' } },
    ],
    [
      'document',
      { to: '+49 171 1234567', document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
      { to: '491711234567', document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
    ],
    [
      'location',
      { to: '+1 302 389 5113', location: { latitude: 52.52, longitude: '13.405', name: 'Berlin' } },
      { to: '13023895113', location: { latitude: '52.52', longitude: '13.405', name: 'Berlin' } },
    ],
    [
      'interactive',
      {
        to: '+1 302 389 5114',
        interactive: {
          body: { text: 'Pick one' },
          action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Y' } }] },
        },
      },
      {
        to: '13023895114',
        interactive: {
          body: { text: 'Pick one' },
          action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Y' } }] },
        },
      },
    ],
  ])(
    'stores a %s message as exactly the validated fields, nothing more (no undefined, no class)',
    (type, content, stored) => {
      const json = JSON.stringify(prepareQueuedMessage({ type, ...content }));
      expect(JSON.parse(json)).toStrictEqual({ ...stored, type });
    },
  );

  it.each([
    [{ to: '+1 302 389 5111', text: { body: 'Hi' } }, 'type is required'],
    [{ type: 'fax', to: '+1 302 389 5111' }, 'type must be one of'],
    [{ type: 'text', to: '0301 234567', text: { body: 'Hi' } }, 'to must be a phone number'],
    [{ type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' }, caption: 'x' }, 'caption'],
  ])('refuses %j with ZixflowValidationError', (message, problem) => {
    expect(() => prepareQueuedMessage(message)).toThrow(ZixflowValidationError);
    expect(() => prepareQueuedMessage(message)).toThrow(problem);
  });
});

describe('prepareQueuedMessages', () => {
  const valid = { type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' } };

  it('lists every problem of the batch, prefixed with the item index', () => {
    const batch = [valid, { ...valid, to: 'abc' }, valid, { ...valid, text: {} }];
    expect(() => prepareQueuedMessages(batch)).toThrow(
      expect.objectContaining({ errors: [expect.stringMatching(/^1\.to /), expect.stringMatching(/^3\.text\.body /)] }),
    );
  });

  it('caps the list at 20 problems and counts the rest', () => {
    const batch = Array.from({ length: 25 }, () => ({ ...valid, to: 'abc' }));
    try {
      prepareQueuedMessages(batch);
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as ZixflowValidationError).errors).toHaveLength(21);
      expect((error as ZixflowValidationError).errors[20]).toBe('and 5 more problems');
    }
  });
});
