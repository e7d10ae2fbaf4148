import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/** Most recipients one request may name; larger lists are sent as several broadcasts. */
export const MAX_BROADCAST_RECIPIENTS = 1000;

/**
 * An approved template for a list of recipients:
 * `{"broadcastId":"spring-sale","templateName":"spring_sale","language":"en","variables":{"discount":"20%"},"recipients":["+1 302 389 5111"]}`.
 * Each recipient becomes one queued message; their numbers are checked when they are enqueued.
 */
export class BroadcastTemplateDto {
  /**
   * Names the broadcast, so sending the same request again (after a time-out, a double click) queues
   * nothing new: each recipient's message is enqueued with the key `<broadcastId>:<number>`. Left
   * out, one is generated and returned.
   */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits and - . _' })
  broadcastId?: string;

  /** Approved template name, as shown in Zixflow's template list. */
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(512, { message: 'must be at most 512 characters' })
  templateName!: string;

  /** Template language code, e.g. `en`. */
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(15, { message: 'must be at most 15 characters' })
  language!: string;

  /** Values of the template's variables, the same for every recipient. Default `{}`. */
  @IsOptional()
  @IsObject({ message: 'must be an object of strings' })
  variables?: Record<string, string>;

  /** Numbers with their country code, as people type them. */
  @IsArray({ message: 'must be a list of phone numbers' })
  @ArrayMinSize(1, { message: 'must name at least one recipient' })
  @ArrayMaxSize(MAX_BROADCAST_RECIPIENTS, { message: `must name at most ${MAX_BROADCAST_RECIPIENTS} recipients` })
  @IsString({ each: true, message: 'must be phone numbers as strings' })
  recipients!: string[];

  /** Sender phone-number ID; left out, the worker's `ZIXFLOW_PHONE_ID` applies. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  phoneId?: string;
}
