import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsRequiredForType } from '../validation/is-required-for-type.decorator';
import {
  MessageType,
  NoListsInside,
  Optional,
  OptionalObject,
  RequiredObject,
  RequiredText,
} from '../validation/field.decorators';
import { MediaLinkDto } from './media-link.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

const HEADER_TYPES = ['text', 'image', 'video', 'document'] as const;

/** WhatsApp tells taps apart by id, so two buttons with one id could not be told apart. */
function UniqueButtonIds(): PropertyDecorator {
  return ValidateBy({
    name: 'uniqueButtonIds',
    validator: {
      validate: (buttons: unknown) => {
        if (!Array.isArray(buttons)) {
          return true;
        }
        const ids = buttons
          .map((button: Partial<ReplyButtonDto> | null) => button?.reply?.id)
          .filter((id) => id !== undefined);
        return new Set(ids).size === ids.length;
      },
      defaultMessage: () => 'must have unique ids',
    },
  });
}

/** Optional header above the body: a short text or one media item. */
export class InteractiveHeaderDto {
  /** Which kind of header this is; the field of the same name must be set. */
  @IsDefined({ message: 'is required' })
  @IsIn(HEADER_TYPES, { message: 'must be one of "text", "image", "video", "document"' })
  type!: (typeof HEADER_TYPES)[number];

  /** Header text, up to 60 characters, no markdown (when `type` is `text`). */
  @IsRequiredForType('text', 'header.type')
  @RequiredText(60)
  text?: string;

  /** Header image (when `type` is `image`). */
  @IsRequiredForType('image', 'header.type')
  @RequiredObject(() => MediaLinkDto)
  image?: MediaLinkDto;

  /** Header video (when `type` is `video`). */
  @IsRequiredForType('video', 'header.type')
  @RequiredObject(() => MediaLinkDto)
  video?: MediaLinkDto;

  /** Header document (when `type` is `document`). */
  @IsRequiredForType('document', 'header.type')
  @RequiredObject(() => MediaLinkDto)
  document?: MediaLinkDto;
}

/** The message text above the buttons. */
export class InteractiveBodyDto {
  /** Up to 1024 characters; emoji, markdown and links allowed. */
  @RequiredText(1024)
  text!: string;
}

/** Small print under the body. */
export class InteractiveFooterDto {
  /** Up to 60 characters. */
  @RequiredText(60)
  text!: string;
}

/** What a button shows and what comes back when it is tapped. */
export class ReplyButtonReplyDto {
  /** Returned in the customer's reply when tapped; up to 256 characters. */
  @RequiredText(256)
  id!: string;

  /** Button label, up to 20 characters, unique within the message. */
  @RequiredText(20)
  title!: string;
}

/** One quick-reply button. */
export class ReplyButtonDto {
  /** Always `"reply"` for reply buttons. */
  @IsDefined({ message: 'is required' })
  @IsIn(['reply'], { message: 'must be "reply"' })
  type!: 'reply';

  /** The button's id and title. */
  @RequiredObject(() => ReplyButtonReplyDto)
  reply!: ReplyButtonReplyDto;
}

/** The buttons of a reply-buttons message. */
export class ReplyButtonsActionDto {
  /** One to three buttons with unique titles. */
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of 1 to 3 buttons' })
  @ArrayMinSize(1, { message: 'must hold at least 1 button' })
  @ArrayMaxSize(3, { message: 'must hold at most 3 buttons' })
  @ArrayUnique((button: Partial<ReplyButtonDto> | null) => button?.reply?.title ?? Symbol('no title'), {
    message: 'must have unique titles',
  })
  @UniqueButtonIds()
  @NoListsInside('button objects')
  @ValidateNested({ each: true, message: 'must hold button objects' })
  @Type(() => ReplyButtonDto)
  buttons!: ReplyButtonDto[];
}

/** The `interactive` object of a reply-buttons message. */
export class InteractiveReplyButtonsDto {
  /** Zixflow's default and only documented value is `"button"`. */
  @Optional()
  @IsIn(['button'], { message: 'must be "button"' })
  type?: 'button';

  /** Optional text or media header. */
  @OptionalObject(() => InteractiveHeaderDto)
  header?: InteractiveHeaderDto;

  /** The message text. */
  @RequiredObject(() => InteractiveBodyDto)
  body!: InteractiveBodyDto;

  /** Optional footer text. */
  @OptionalObject(() => InteractiveFooterDto)
  footer?: InteractiveFooterDto;

  /** The buttons. */
  @RequiredObject(() => ReplyButtonsActionDto)
  action!: ReplyButtonsActionDto;
}

/**
 * An interactive reply-buttons message, sent with `type: "interactive"` on the session-message
 * endpoint. Inner shapes beyond the header and body follow Meta's Cloud API, which Zixflow relays.
 */
export class SendReplyButtonsMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendReplyButtons`; may be left out. */
  @MessageType('interactive', 'sendReplyButtons')
  type?: 'interactive';

  /** Header, body, footer and buttons. */
  @RequiredObject(() => InteractiveReplyButtonsDto)
  interactive!: InteractiveReplyButtonsDto;
}
