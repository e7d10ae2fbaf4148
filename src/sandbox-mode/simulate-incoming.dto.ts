import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/**
 * A customer message typed by a person trying the example: `{"from":"+1 302 389 5111","text":"hi"}`
 * or, to tap a button of the bot's menu, `{"from":"+1 302 389 5111","buttonId":"track"}`.
 */
export class SimulateIncomingDto {
  /** The customer's number with its country code, as people type it. */
  @IsString({ message: 'must be the customer number with its country code' })
  @IsNotEmpty({ message: 'must be the customer number with its country code' })
  from!: string;

  /** What the customer writes. Required unless `buttonId` is given. */
  @ValidateIf((dto: SimulateIncomingDto) => dto.buttonId === undefined || dto.text !== undefined)
  @IsString({ message: 'is required (or give buttonId to tap a button), and must be a string' })
  @MaxLength(4096, { message: 'must be at most 4096 characters' })
  text?: string;

  /** The id of the reply button the customer taps, e.g. `track` or `talk-to-us`. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(256, { message: 'must be at most 256 characters' })
  buttonId?: string;

  /** The tapped button's label; defaults to the id. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(20, { message: 'must be at most 20 characters' })
  buttonTitle?: string;

  /** The customer's WhatsApp profile name. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  name?: string;
}
