import { IsDefined, IsString } from 'class-validator';
import { MessageType, RequiredObject, RequiredText } from '../validation/field.decorators';
import { IsReactionEmoji } from '../validation/is-reaction-emoji.decorator';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `reaction` object: which message, and which emoji (Zixflow's field names, §3.10). */
export class ReactionContentDto {
  /** WhatsApp id (`wamid.…`) of the message reacted to, e.g. the `messageId` of an incoming message. */
  @RequiredText(256)
  message_id!: string;

  /** One emoji; an empty string removes the reaction sent before. */
  @IsDefined({ message: 'is required (use "" to remove a reaction)' })
  @IsString({ message: 'must be a string' })
  @IsReactionEmoji()
  emoji!: string;
}

/** A reaction to a message (AI API only: `POST …/whatsapp/v1/message/reaction/send`). */
export class SendReactionMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendReaction`; may be left out. */
  @MessageType('reaction', 'sendReaction')
  type?: 'reaction';

  /** The message reacted to and the emoji. */
  @RequiredObject(() => ReactionContentDto)
  reaction!: ReactionContentDto;
}
