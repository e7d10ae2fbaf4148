import { IsDefined } from 'class-validator';
import { IsCoordinate } from '../validation/is-coordinate.decorator';
import { MessageType, OptionalText, RequiredObject } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `location` object of a location message. */
export class LocationContentDto {
  /** Latitude in degrees; numbers are accepted and sent as strings, as Zixflow documents. */
  @IsDefined({ message: 'is required' })
  @IsCoordinate('latitude')
  latitude!: string | number;

  /** Longitude in degrees; numbers are accepted and sent as strings. */
  @IsDefined({ message: 'is required' })
  @IsCoordinate('longitude')
  longitude!: string | number;

  /** Name of the place. */
  @OptionalText(1000)
  name?: string;

  /** Address of the place; WhatsApp shows it only when `name` is set too. */
  @OptionalText(1000)
  address?: string;
}

/** A location message, sent with `type: "location"` on the session-message endpoint. */
export class SendLocationMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendLocation`; may be left out. */
  @MessageType('location', 'sendLocation')
  type?: 'location';

  /** The place to send. Latitude and longitude may be given as numbers. */
  @RequiredObject(() => LocationContentDto)
  location!: LocationContentDto;
}
