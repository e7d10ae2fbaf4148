import { IsIn } from 'class-validator';
import { MessageType, Optional, OptionalObject, RequiredObject } from '../validation/field.decorators';
import { InteractiveBodyDto } from './send-reply-buttons-message.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The "Send location" button; it has nothing to set but its fixed name. */
export class LocationRequestActionDto {
  /** `"send_location"`; set by the method when left out. */
  @Optional()
  @IsIn(['send_location'], { message: 'must be "send_location"' })
  name?: 'send_location';
}

/** The `interactive` object of a location request (Meta's `location_request_message`): a body, no header or footer. */
export class InteractiveLocationRequestDto {
  /** `"location_request_message"`; set by the method when left out. */
  @Optional()
  @IsIn(['location_request_message'], { message: 'must be "location_request_message"' })
  type?: 'location_request_message';

  /** What the customer is asked, up to 1024 characters. */
  @RequiredObject(() => InteractiveBodyDto)
  body!: InteractiveBodyDto;

  /** The button; filled in (`{ name: "send_location" }`) when left out. */
  @OptionalObject(() => LocationRequestActionDto)
  action?: LocationRequestActionDto;
}

/**
 * Asks the customer to share their location; the answer arrives as an incoming `location` message
 * (AI API only: `…/interactive/location-request/send`).
 */
export class SendLocationRequestMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendLocationRequest`; may be left out. */
  @MessageType('location_request', 'sendLocationRequest')
  type?: 'location_request';

  /** The question. */
  @RequiredObject(() => InteractiveLocationRequestDto)
  interactive!: InteractiveLocationRequestDto;
}
