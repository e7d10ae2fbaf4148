import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { messageTypeOf } from './message-type-of';

function validationErrors(message: unknown): readonly string[] {
  try {
    messageTypeOf(message);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowValidationError);
    return (error as ZixflowValidationError).errors;
  }
  throw new Error('expected a ZixflowValidationError');
}

const TYPES =
  'video, image, audio, document, text, location, interactive, template, sticker, contacts, reaction, list, cta_url, location_request, address_request';

describe('messageTypeOf', () => {
  it.each(TYPES.split(', '))('reads type %s', (type) => {
    expect(messageTypeOf({ type })).toBe(type);
  });

  it.each<[string, unknown, string]>([
    ['a missing type', { to: '1' }, `type is required in a bulk message: one of ${TYPES}`],
    ['an unknown type', { type: 'carousel' }, `type must be one of ${TYPES}`],
    ['a method name instead of a type', { type: 'sendVideo' }, `type must be one of ${TYPES}`],
    ['an inherited key', { type: 'constructor' }, `type must be one of ${TYPES}`],
    ['__proto__', { type: '__proto__' }, `type must be one of ${TYPES}`],
    ['a number', { type: 1 }, `type must be one of ${TYPES}`],
    ['null', null, 'message must be an object'],
    ['an array', [{ type: 'video' }], 'message must be an object'],
    ['a string', 'video', 'message must be an object'],
  ])('refuses %s', (_name, message, expected) => {
    expect(validationErrors(message)).toEqual([expected]);
  });
});
