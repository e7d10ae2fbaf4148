import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, ValidateBy, ValidateNested } from 'class-validator';
import {
  MessageType,
  NoListsInside,
  Optional,
  OptionalObject,
  OptionalText,
  RequiredObject,
  RequiredText,
} from '../validation/field.decorators';
import { InteractiveFooterDto } from './send-reply-buttons-message.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/*
 * A list message: a menu button that opens sections of rows to pick from. Zixflow documents no list
 * page; the rules are Meta's Cloud API list message, which Zixflow relays (docs/kinds.md).
 */

const MAX_ROWS = 10;

/** All rows of all sections: at most ten in all, ids unique (they come back in the customer's `list_reply`). */
function RowsInAll(): PropertyDecorator {
  return ValidateBy({
    name: 'rowsInAll',
    validator: {
      validate: (sections: unknown) => {
        if (!Array.isArray(sections)) return true;
        const ids = sections.flatMap((section: Partial<ListSectionDto> | null) =>
          Array.isArray(section?.rows) ? section.rows.map((row: Partial<ListRowDto> | null) => row?.id) : [],
        );
        const given = ids.filter((id) => id !== undefined);
        return ids.length <= MAX_ROWS && new Set(given).size === given.length;
      },
      defaultMessage: () => `must hold at most ${MAX_ROWS} rows in all, with unique ids`,
    },
  });
}

/** A section title is required when there is more than one section, so the menu can tell them apart. */
function TitledWhenSeveral(): PropertyDecorator {
  return ValidateBy({
    name: 'titledWhenSeveral',
    validator: {
      validate: (sections: unknown) =>
        !Array.isArray(sections) ||
        sections.length < 2 ||
        sections.every((section: Partial<ListSectionDto> | null) => typeof section?.title === 'string'),
      defaultMessage: () => 'need a title each when there is more than one section',
    },
  });
}

/** A text header above the body (lists take no media header). */
export class ListHeaderDto {
  /** Always `"text"`. */
  @IsDefined({ message: 'is required' })
  @IsIn(['text'], { message: 'must be "text" (a list takes only a text header)' })
  type!: 'text';

  /** Up to 60 characters, no markdown. */
  @RequiredText(60)
  text!: string;
}

/** The message text above the menu button. */
export class ListBodyDto {
  /** Up to 4096 characters (Meta's list limit). */
  @RequiredText(4096)
  text!: string;
}

/** One row the customer can pick. */
export class ListRowDto {
  /** Comes back in the customer's `list_reply`; up to 200 characters, unique in the message. */
  @RequiredText(200)
  id!: string;

  /** Up to 24 characters. */
  @RequiredText(24)
  title!: string;

  /** Up to 72 characters, shown under the title. */
  @OptionalText(72)
  description?: string;
}

/** A group of rows under an optional title. */
export class ListSectionDto {
  /** Up to 24 characters; required when the list has more than one section. */
  @OptionalText(24)
  title?: string;

  /** At least one row; at most ten rows in all sections together. */
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of rows' })
  @ArrayMinSize(1, { message: 'must hold at least 1 row' })
  @NoListsInside('row objects')
  @ValidateNested({ each: true, message: 'must hold row objects' })
  @Type(() => ListRowDto)
  rows!: ListRowDto[];
}

/** The menu button and what it opens. */
export class ListActionDto {
  /** The menu button's label, up to 20 characters. */
  @RequiredText(20)
  button!: string;

  /** One to ten sections, at most ten rows in all. */
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be a list of 1 to 10 sections' })
  @ArrayMinSize(1, { message: 'must hold at least 1 section' })
  @ArrayMaxSize(10, { message: 'must hold at most 10 sections' })
  @TitledWhenSeveral()
  @RowsInAll()
  @NoListsInside('section objects')
  @ValidateNested({ each: true, message: 'must hold section objects' })
  @Type(() => ListSectionDto)
  sections!: ListSectionDto[];
}

/** The `interactive` object of a list message. */
export class InteractiveListDto {
  /** `"list"`; set by the method when left out. */
  @Optional()
  @IsIn(['list'], { message: 'must be "list"' })
  type?: 'list';

  /** Optional text header. */
  @OptionalObject(() => ListHeaderDto)
  header?: ListHeaderDto;

  /** The message text. */
  @RequiredObject(() => ListBodyDto)
  body!: ListBodyDto;

  /** Optional footer text. */
  @OptionalObject(() => InteractiveFooterDto)
  footer?: InteractiveFooterDto;

  /** The menu button and its sections. */
  @RequiredObject(() => ListActionDto)
  action!: ListActionDto;
}

/**
 * A list message: on the AI API `POST …/interactive/list-buttons/send`; on the campaign API sent as
 * `type: "interactive"` with `interactive.type: "list"` on the session path, which its docs imply
 * but do not show (inferred).
 */
export class SendListMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendList`; may be left out. */
  @MessageType('list', 'sendList')
  type?: 'list';

  /** Header, body, footer and the menu. */
  @RequiredObject(() => InteractiveListDto)
  interactive!: InteractiveListDto;
}
