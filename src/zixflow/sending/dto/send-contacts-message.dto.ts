import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { MessageType, NoListsInside } from '../validation/field.decorators';
import { ContactCardDto } from './contact-card.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** One or more contact cards (AI API only: `POST …/whatsapp/v1/message/contacts/send`). */
export class SendContactsMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendContacts`; may be left out. */
  @MessageType('contacts', 'sendContacts')
  type?: 'contacts';

  /** The cards, at least one; sent as the `contacts` array. */
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of contact cards' })
  @ArrayMinSize(1, { message: 'must hold at least 1 contact' })
  @NoListsInside('contact objects')
  @ValidateNested({ each: true, message: 'must hold contact objects' })
  @Type(() => ContactCardDto)
  contacts!: ContactCardDto[];
}
