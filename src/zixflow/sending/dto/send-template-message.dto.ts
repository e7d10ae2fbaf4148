import { IsStringMap } from '../validation/is-string-map.decorator';
import { MessageType, Optional, RequiredText } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/**
 * An approved-template message, sent on the template endpoint (which takes no `type` field).
 * Templates are the only messages that reach a customer outside the 24-hour session window.
 */
export class SendTemplateMessageDto extends WhatsappMessageBaseDto {
  /** Accepted so bulk senders can tag messages by kind; never sent. */
  @MessageType('template', 'sendTemplate')
  type?: 'template';

  /** Approved template name, as shown in Zixflow's template list. */
  @RequiredText(512)
  templateName!: string;

  /** Template language code, e.g. `en` or `en_US`; must match the approved template. */
  @RequiredText(15)
  language!: string;

  /**
   * Values for the template's variables, keyed by `keyName` (media variables take a URL). May be
   * left out for a template without variables, and is then not sent, as Zixflow's own SDK does
   * (the campaign page marks it required; the AI page optional).
   */
  @Optional()
  @IsStringMap()
  variables?: Record<string, string>;
}
