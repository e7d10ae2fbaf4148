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

  it('returns plain data, never the DTO instance, and leaves the caller’s object alone', () => {
    const message = { type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' } };
    const prepared = prepareQueuedMessage(message);
    expect(Object.getPrototypeOf(prepared)).toBe(Object.prototype);
    expect(message.to).toBe('+1 302 389 5111');
  });

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
