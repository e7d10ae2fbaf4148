import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, Matches, ValidateNested } from 'class-validator';
import {
  NoListsInside,
  Optional,
  OptionalObject,
  OptionalText,
  RequiredObject,
  RequiredText,
} from '../validation/field.decorators';

/*
 * One contact card of a contacts message. Zixflow names the parts (`name`, `phones`, `emails`,
 * `addresses`, `urls`, `org`, `birthday`, §3.9, older doc copy); their fields are Meta's contact
 * object, which Zixflow relays. Every field but `name.formatted_name` is optional.
 */

/** A list of one kind of nested object, validated by its own class. */
function OptionalList(dto: () => new () => object): PropertyDecorator {
  return applyDecorators(
    Optional(),
    IsArray({ message: 'must be a list' }),
    NoListsInside('objects'),
    ValidateNested({ each: true, message: 'must hold objects' }),
    Type(dto),
  );
}

/** The contact's name; `formatted_name` is the line the card shows. */
export class ContactNameDto {
  /** The full name as shown, e.g. `Ada Lovelace`. Required. */
  @RequiredText(256)
  formatted_name!: string;
  /** First name. */
  @OptionalText(256)
  first_name?: string;
  /** Last name. */
  @OptionalText(256)
  last_name?: string;
  /** Middle name. */
  @OptionalText(256)
  middle_name?: string;
  /** Name suffix, e.g. `Jr.`. */
  @OptionalText(64)
  suffix?: string;
  /** Name prefix, e.g. `Dr.`. */
  @OptionalText(64)
  prefix?: string;
}

/** A phone number of the contact. */
export class ContactPhoneDto {
  /** The number as shown, e.g. `+1 302 389 5111`. */
  @OptionalText(64)
  phone?: string;
  /** `CELL`, `MAIN`, `IPHONE`, `HOME` or `WORK` (Meta). */
  @OptionalText(16)
  type?: string;
  /** The contact's WhatsApp id (digits), which adds a "Message" button to the card. */
  @OptionalText(32)
  wa_id?: string;
}

/** An e-mail address of the contact. */
export class ContactEmailDto {
  /** The address. */
  @OptionalText(320)
  email?: string;
  /** `HOME` or `WORK`. */
  @OptionalText(16)
  type?: string;
}

/** A postal address of the contact. */
export class ContactAddressDto {
  /** Street and number. */
  @OptionalText(256)
  street?: string;
  /** City. */
  @OptionalText(128)
  city?: string;
  /** State or region. */
  @OptionalText(128)
  state?: string;
  /** Postal code. */
  @OptionalText(32)
  zip?: string;
  /** Country name. */
  @OptionalText(128)
  country?: string;
  /** Two-letter country code. */
  @OptionalText(2)
  country_code?: string;
  /** `HOME` or `WORK`. */
  @OptionalText(16)
  type?: string;
}

/** A web address of the contact. */
export class ContactUrlDto {
  /** The URL. */
  @OptionalText(2048)
  url?: string;
  /** `HOME` or `WORK`. */
  @OptionalText(16)
  type?: string;
}

/** Where the contact works. */
export class ContactOrgDto {
  /** Company name. */
  @OptionalText(256)
  company?: string;
  /** Department. */
  @OptionalText(256)
  department?: string;
  /** Job title. */
  @OptionalText(256)
  title?: string;
}

/** One contact card. */
export class ContactCardDto {
  /** The contact's name; `formatted_name` is required. */
  @RequiredObject(() => ContactNameDto)
  name!: ContactNameDto;
  /** Phone numbers. */
  @OptionalList(() => ContactPhoneDto)
  phones?: ContactPhoneDto[];
  /** E-mail addresses. */
  @OptionalList(() => ContactEmailDto)
  emails?: ContactEmailDto[];
  /** Postal addresses. */
  @OptionalList(() => ContactAddressDto)
  addresses?: ContactAddressDto[];
  /** Web addresses. */
  @OptionalList(() => ContactUrlDto)
  urls?: ContactUrlDto[];
  /** Organisation. */
  @OptionalObject(() => ContactOrgDto)
  org?: ContactOrgDto;
  /** Birthday as `YYYY-MM-DD`. */
  @OptionalText()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like "1990-01-31"' })
  birthday?: string;
}
