import { IsIn } from 'class-validator';
import { IsHttpUrl } from '../validation/is-http-url.decorator';
import { MessageType, Optional, OptionalObject, RequiredObject, RequiredText } from '../validation/field.decorators';
import { InteractiveBodyDto, InteractiveFooterDto, InteractiveHeaderDto } from './send-reply-buttons-message.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The button's label and the address it opens. */
export class CtaUrlParametersDto {
  /** The button's label, up to 20 characters. */
  @RequiredText(20)
  display_text!: string;

  /** The http(s) address the button opens. */
  @RequiredText()
  @IsHttpUrl('https://shop.example.com/orders/42')
  url!: string;
}

/** The button of a CTA URL message. */
export class CtaUrlActionDto {
  /** `"cta_url"`; set by the method when left out. */
  @Optional()
  @IsIn(['cta_url'], { message: 'must be "cta_url"' })
  name?: 'cta_url';

  /** Label and address. */
  @RequiredObject(() => CtaUrlParametersDto)
  parameters!: CtaUrlParametersDto;
}

/** The `interactive` object of a CTA URL message (Meta's `cta_url`, which Zixflow relays). */
export class InteractiveCtaUrlDto {
  /** `"cta_url"`; set by the method when left out. */
  @Optional()
  @IsIn(['cta_url'], { message: 'must be "cta_url"' })
  type?: 'cta_url';

  /** Optional text or media header. */
  @OptionalObject(() => InteractiveHeaderDto)
  header?: InteractiveHeaderDto;

  /** The message text, up to 1024 characters. */
  @RequiredObject(() => InteractiveBodyDto)
  body!: InteractiveBodyDto;

  /** Optional footer text. */
  @OptionalObject(() => InteractiveFooterDto)
  footer?: InteractiveFooterDto;

  /** The button. */
  @RequiredObject(() => CtaUrlActionDto)
  action!: CtaUrlActionDto;
}

/** A message with one button that opens a web address (AI API only: `…/interactive/url-button/send`). */
export class SendCtaUrlMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendCtaUrl`; may be left out. */
  @MessageType('cta_url', 'sendCtaUrl')
  type?: 'cta_url';

  /** Header, body, footer and the button. */
  @RequiredObject(() => InteractiveCtaUrlDto)
  interactive!: InteractiveCtaUrlDto;
}
