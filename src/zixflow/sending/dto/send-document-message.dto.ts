import { MediaId, MediaLink } from '../validation/media-source.decorators';
import { MessageType, OptionalText, RequiredObject } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `document` object of a document message. */
export class DocumentContentDto {
  /** Public http(s) URL of the document (WhatsApp's limit is 100 MB). Required unless `id` is given. */
  @MediaLink('https://example.com/invoice.pdf')
  link?: string;

  /** AI API only: the id of media uploaded to WhatsApp before, instead of `link`. */
  @MediaId()
  id?: string;

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
