import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, Matches, ValidateNested } from 'class-validator';
import { IsStringMap } from '../validation/is-string-map.decorator';
import {
  MessageType,
  NoListsInside,
  Optional,
  OptionalObject,
  RequiredObject,
  RequiredText,
} from '../validation/field.decorators';
import { InteractiveBodyDto, InteractiveFooterDto } from './send-reply-buttons-message.dto';
import { ListHeaderDto } from './send-list-message.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

const ADDRESS_FIELDS = { key: 'address field', example: '{ "city": "Pune" }' };

/** An address the customer saved before, offered to pick instead of typing. */
export class SavedAddressDto {
  /** Your id of the address. */
  @RequiredText(256)
  id!: string;

  /** Its fields (`name`, `address`, `city`, `in_pin_code`, …), all text. */
  @IsDefined({ message: 'is required' })
  @IsStringMap(ADDRESS_FIELDS)
  value!: Record<string, string>;
}

/** The country and what to fill in for the customer. */
export class AddressRequestParametersDto {
  /** Two-letter country code; Meta offers address messages in India (`IN`) and Singapore (`SG`). */
  @RequiredText(2)
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as "IN"' })
  country!: string;

  /** Fields filled in for the customer (`name`, `phone_number`, `city`, …), all text. */
  @Optional()
  @IsStringMap(ADDRESS_FIELDS)
  values?: Record<string, string>;

  /** Addresses the customer can pick. */
  @Optional()
  @IsArray({ message: 'must be a list' })
  @NoListsInside('address objects')
  @ValidateNested({ each: true, message: 'must hold address objects' })
  @Type(() => SavedAddressDto)
  saved_addresses?: SavedAddressDto[];

  /** Per field, the error to show when asking again after a wrong answer. */
  @Optional()
  @IsStringMap(ADDRESS_FIELDS)
  validation_errors?: Record<string, string>;
}

/** The address form. */
export class AddressRequestActionDto {
  /** `"address_message"`; set by the method when left out. */
  @Optional()
  @IsIn(['address_message'], { message: 'must be "address_message"' })
  name?: 'address_message';

  /** Country and prefilled values. */
  @RequiredObject(() => AddressRequestParametersDto)
  parameters!: AddressRequestParametersDto;
}

/** The `interactive` object of an address request (Meta's `address_message`, which Zixflow relays). */
export class InteractiveAddressRequestDto {
  /** `"address_message"`; set by the method when left out. */
  @Optional()
  @IsIn(['address_message'], { message: 'must be "address_message"' })
  type?: 'address_message';

  /** Optional text header. */
  @OptionalObject(() => ListHeaderDto)
  header?: ListHeaderDto;

  /** What the customer is asked, up to 1024 characters. */
  @RequiredObject(() => InteractiveBodyDto)
  body!: InteractiveBodyDto;

  /** Optional footer text. */
  @OptionalObject(() => InteractiveFooterDto)
  footer?: InteractiveFooterDto;

  /** The form. */
  @RequiredObject(() => AddressRequestActionDto)
  action!: AddressRequestActionDto;
}

/** Asks the customer for a delivery address in a form (AI API only: `…/interactive/address/send`). */
export class SendAddressRequestMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendAddressRequest`; may be left out. */
  @MessageType('address_request', 'sendAddressRequest')
  type?: 'address_request';

  /** The question and the form. */
  @RequiredObject(() => InteractiveAddressRequestDto)
  interactive!: InteractiveAddressRequestDto;
}
