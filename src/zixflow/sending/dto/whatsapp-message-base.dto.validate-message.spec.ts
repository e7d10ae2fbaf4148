import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessage } from '../validation/validate-message';
import { SendLocationMessageDto } from './send-location-message.dto';
import { SendTextMessageDto, TextContentDto } from './send-text-message.dto';
import { SendVideoMessageDto, VideoContentDto } from './send-video-message.dto';
import { NUMBER_HINT, TEXT, TO, errorFor, errorsFor, message } from './whatsapp-message-base.dto.spec-helper';

/** validateMessage's own contract, checked through the message DTOs. */

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) {
      deepFreeze(child);
    }
  }
  return Object.freeze(value);
}

describe('WhatsappMessageBaseDto (common fields, via SendTextMessageDto)', () => {
  describe('validateMessage', () => {
    it.each([[null], [undefined], ['{"to":"13023895111"}'], [13023895111], [true], [[]], [[message()]]])(
      'refuses the non-object input %p with a single line',
      (input) => {
        expect(errorsFor(input)).toEqual(['message must be an object']);
      },
    );

    it('throws a ZixflowValidationError that is a non-retryable ZixflowError with a readable message', () => {
      const error = errorFor(message({ to: '0301 2345678', source: '' }));

      expect(error).toBeInstanceOf(ZixflowError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ZixflowValidationError');
      expect(error.retryable).toBe(false);
      expect(error.errors).toEqual([NUMBER_HINT, 'source must not be empty']);
      expect(error.message).toBe(`Invalid WhatsApp message: ${NUMBER_HINT}; source must not be empty`);
    });

    it("does not modify the caller's object, nested objects included", () => {
      const input = { to: '+1 (302) 389-5111', location: { latitude: 40.7128, longitude: -74.006 } };
      const before = structuredClone(input);
      const location = input.location;

      const result = validateMessage(SendLocationMessageDto, input);

      expect(input).toEqual(before);
      expect(input.location).toBe(location);
      expect(result).not.toBe(input);
      expect(result.location).not.toBe(location);
      expect(result).toEqual({ to: TO, location: { latitude: '40.7128', longitude: '-74.006' } });
    });

    it('works on a deeply frozen input', () => {
      const input = deepFreeze({ to: '+1 302 389 5111', location: { latitude: 1, longitude: 2 } });

      expect(validateMessage(SendLocationMessageDto, input)).toEqual({
        to: TO,
        location: { latitude: '1', longitude: '2' },
      });
    });

    it("does not modify the caller's object when validation fails", () => {
      const input = { to: '+1 (302) 389-5111', text: { body: '' } };

      expect(errorsFor(input)).toEqual(['text.body must not be empty']);
      expect(input).toEqual({ to: '+1 (302) 389-5111', text: { body: '' } });
    });

    it('accepts a DTO instance built with new + Object.assign and returns a new, normalised instance', () => {
      const dto = Object.assign(new SendVideoMessageDto(), {
        to: '+1 (302) 389-5111',
        video: Object.assign(new VideoContentDto(), { link: 'https://example.com/clip.mp4', caption: 'Demo' }),
      });

      const result = validateMessage(SendVideoMessageDto, dto);

      expect(result).toBeInstanceOf(SendVideoMessageDto);
      expect(result.video).toBeInstanceOf(VideoContentDto);
      expect(result).not.toBe(dto);
      expect(result).toEqual({ to: TO, video: { link: 'https://example.com/clip.mp4', caption: 'Demo' } });
      expect(dto.to).toBe('+1 (302) 389-5111');
    });

    it('accepts a DTO instance whose fields are set one by one', () => {
      const dto = new SendTextMessageDto();
      dto.to = '001 302 389 5111';
      dto.text = new TextContentDto();
      dto.text.body = 'Hi';
      dto.text.preview_url = false;

      expect(validateMessage(SendTextMessageDto, dto)).toEqual({ to: TO, text: { body: 'Hi', preview_url: false } });
    });

    it('validates a DTO instance as strictly as a plain object', () => {
      const dto = Object.assign(new SendVideoMessageDto(), { to: TO, video: { link: 'ftp://example.com/a.mp4' } });

      expect(() => validateMessage(SendVideoMessageDto, dto)).toThrow(ZixflowValidationError);
      expect(() => validateMessage(SendVideoMessageDto, dto)).toThrow(
        'Invalid WhatsApp message: video.link must be an http or https URL, e.g. https://example.com/clip.mp4',
      );
    });

    it('refuses an instance of another message DTO by its fields', () => {
      const text = Object.assign(new SendTextMessageDto(), { to: TO, text: TEXT });

      expect(() => validateMessage(SendVideoMessageDto, text)).toThrow(
        'Invalid WhatsApp message: text is not a field Zixflow accepts here; remove it; video is required',
      );
    });

    it('accepts an object without prototype', () => {
      const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      input.to = TO;
      input.text = TEXT;

      expect(validateMessage(SendTextMessageDto, input)).toEqual({ to: TO, text: TEXT });
    });

    // A circular value (an Express request passed by mistake) is a validation error, not a stack
    // overflow.
    it('refuses an unknown field holding a circular object with a ZixflowValidationError', () => {
      const context: Record<string, unknown> = { name: 'ctx' };
      context.self = context;

      expect(errorsFor(message({ context }))).toEqual(['context is not a field Zixflow accepts here; remove it']);
    });
  });
});
