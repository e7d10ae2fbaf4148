import { IsHttpUrl } from '../validation/is-http-url.decorator';
import { MessageType, OptionalText, RequiredObject, RequiredText } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `document` object of a document message. */
export class DocumentContentDto {
  /** Public http(s) URL of the document (WhatsApp's limit is 100 MB). */
  @RequiredText()
  @IsHttpUrl('https://example.com/invoice.pdf')
  link!: string;

  /** Text shown under the document. */
  @OptionalText(1024)
  caption?: string;

  /** File name shown to the recipient (Meta's field; not confirmed in Zixflow's docs). */
  @OptionalText(240)
  filename?: string;
}

/** A document message, sent with `type: "document"` on the session-message endpoint. */
export class SendDocumentMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendDocument`; may be left out. */
  @MessageType('document', 'sendDocument')
  type?: 'document';

  /** The document to send. */
  @RequiredObject(() => DocumentContentDto)
  document!: DocumentContentDto;
}
