import { validationErrorsOf } from './dto.spec-helper';
import { SendAddressRequestMessageDto } from './send-address-request-message.dto';
import { SendContactsMessageDto } from './send-contacts-message.dto';
import { SendListMessageDto } from './send-list-message.dto';
import { SendReplyButtonsMessageDto } from './send-reply-buttons-message.dto';

const TO = '+1 302 389 5111';

/** Found by the AI property test: class-validator's ValidateNested walks into a list inside a list. */
describe('a list where a list of objects is expected is refused', () => {
  it.each<[string, new () => object, Record<string, unknown>, string]>([
    [
      'reply buttons',
      SendReplyButtonsMessageDto,
      { interactive: { body: { text: 'x' }, action: { buttons: [[]] } } },
      'interactive.action.buttons must hold button objects, not lists',
    ],
    [
      'list sections',
      SendListMessageDto,
      { interactive: { body: { text: 'x' }, action: { button: 'b', sections: [[]] } } },
      'interactive.action.sections must hold section objects, not lists',
    ],
    [
      'list rows',
      SendListMessageDto,
      { interactive: { body: { text: 'x' }, action: { button: 'b', sections: [{ rows: [[{ id: 'a' }]] }] } } },
      'interactive.action.sections.0.rows must hold row objects, not lists',
    ],
    ['contact cards', SendContactsMessageDto, { contacts: [[]] }, 'contacts must hold contact objects, not lists'],
    [
      'contact phones',
      SendContactsMessageDto,
      { contacts: [{ name: { formatted_name: 'A' }, phones: [[]] }] },
      'contacts.0.phones must hold objects, not lists',
    ],
    [
      'saved addresses',
      SendAddressRequestMessageDto,
      { interactive: { body: { text: 'x' }, action: { parameters: { country: 'IN', saved_addresses: [[]] } } } },
      'interactive.action.parameters.saved_addresses must hold address objects, not lists',
    ],
  ])('%s', (_case, dto, content, expected) => {
    expect(validationErrorsOf(dto, { to: TO, ...content })).toContain(expected);
  });
});
