import { IsDefined } from 'class-validator';
import { IsHttpUrl } from '../validation/is-http-url.decorator';
import { IsWhatsappNumber } from '../validation/is-whatsapp-number.decorator';
import { OptionalBoolean, OptionalText } from '../validation/field.decorators';

/**
 * Fields every WhatsApp send accepts, whatever the message type, on either API. Subclasses add the
 * type's own object. Optional fields are sent only when given: Zixflow's defaults apply otherwise.
 * `source`, `linkWithRecord`, `reportURL` and `submissionStatus` exist only on the campaign API,
 * `postBackUrl` and `postBackData` only on the AI API: the service refuses them on the other one.
 */
export abstract class WhatsappMessageBaseDto {
  /**
   * Recipient with country code. Anything people type is accepted (`+1 (302) 389-5111`,
   * `001 302 389 5111`) and sent as digits only (`13023895111`).
   */
  @IsDefined({ message: 'is required' })
  @IsWhatsappNumber()
  to!: string;

  /** Sender's Meta phone-number ID; may be left out when `defaultPhoneId` is configured. */
  @OptionalText()
  phoneId?: string;

  /** Label of where the message came from (Zixflow's default is `"API"`). */
  @OptionalText(100)
  source?: string;

  /** Attach the message to a CRM record and show it in the Zixflow inbox. */
  @OptionalBoolean()
  linkWithRecord?: boolean;

  /** URL that receives delivery reports for this message. */
  @IsHttpUrl('https://example.com/zixflow/reports')
  @OptionalText()
  reportURL?: string;

  /** Wait for the submission result so the response carries `messageId` and `campaignId`. */
  @OptionalBoolean()
  submissionStatus?: boolean;

  /**
   * AI API only (`post_back_url`): URL that receives a post-back on every status change of this
   * message. Left out, it is filled in from the module's `postBacks` option when that is set.
   */
  @IsHttpUrl('https://example.com/zixflow/webhooks/postbacks?token=…')
  @OptionalText()
  postBackUrl?: string;

  /** AI API only (`post_back_data`): any text, echoed in every post-back of this message to correlate it. */
  @OptionalText()
  postBackData?: string;
}
