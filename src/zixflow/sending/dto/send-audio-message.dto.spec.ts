import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { MediaLinkDto } from './media-link.dto';
import { SendAudioMessageDto } from './send-audio-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const LINK = 'https://example.com/voice.ogg';
const URL_MESSAGE = 'audio.link must be an http or https URL, e.g. https://example.com/media.mp4';

/** A valid message with `audio` replaced. */
function withAudio(audio: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, audio };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendAudioMessageDto, input);

describe('SendAudioMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message and normalises the number', () => {
      const result = validateMessage(SendAudioMessageDto, { to: '+1 302-389-5111', audio: { link: LINK } });

      expect(result).toBeInstanceOf(SendAudioMessageDto);
      expect(result.audio).toBeInstanceOf(MediaLinkDto);
      expect(result).toEqual({ to: TO, audio: { link: LINK } });
      expect(Object.keys(result).sort()).toEqual(['audio', 'to']);
    });

    it('accepts a full message unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'audio',
        audio: { link: 'http://127.0.0.1:8080/x' },
        source: 'IVR',
        linkWithRecord: false,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      expect(validateMessage(SendAudioMessageDto, message)).toEqual(message);
    });
  });

  describe('refused messages', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['file:', 'file:///voice.ogg'],
      ['ftp:', 'ftp://example.com/voice.ogg'],
      ['a relative path', './voice.ogg'],
      ['an empty string', ''],
      ['"https://" without host', 'https://'],
      ['a URL with spaces', 'https://example.com/voice note.ogg'],
    ])('refuses audio.link as %s', (_label, link) => {
      expect(errorsFor(withAudio({ link }))).toEqual([URL_MESSAGE]);
    });

    it.each([
      ['link missing', {}, 'audio.link is required'],
      ['link null', { link: null }, 'audio.link is required'],
      ['link a number', { link: 5 }, 'audio.link must be a string'],
      [
        'a caption (WhatsApp allows none on audio)',
        { link: LINK, caption: 'Listen' },
        'audio.caption is not a field Zixflow accepts here; remove it',
      ],
      [
        'a filename',
        { link: LINK, filename: 'voice.ogg' },
        'audio.filename is not a field Zixflow accepts here; remove it',
      ],
      [
        'an unknown field audio.foo',
        { link: LINK, foo: 1 },
        'audio.foo is not a field Zixflow accepts here; remove it',
      ],
    ])('refuses %s', (_label, audio, expected) => {
      expect(errorsFor(withAudio(audio))).toEqual([expected]);
    });

    it('refuses an empty caption as an unknown field too', () => {
      expect(errorsFor(withAudio({ link: LINK, caption: '' }))).toEqual([
        'audio.caption is not a field Zixflow accepts here; remove it',
      ]);
    });

    it.each([
      ['missing', undefined, 'audio is required'],
      ['null', null, 'audio is required'],
      ['a string', LINK, 'audio must be an object'],
      ['an array', [{ link: LINK }], 'audio must be an object'],
    ])('refuses audio when it is %s', (_label, audio, expected) => {
      expect(errorsFor(withAudio(audio))).toEqual([expected]);
    });

    it.each([['video'], ['voice'], ['AUDIO'], [null]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withAudio({ link: LINK }), type })).toEqual([
        'type must be "audio" when calling sendAudio (or be left out)',
      ]);
    });

    it('refuses a message that sends the audio under another key', () => {
      expect([...errorsFor({ to: TO, video: { link: LINK } })].sort()).toEqual(
        ['audio is required', 'video is not a field Zixflow accepts here; remove it'].sort(),
      );
    });

    it.each([[null], ['audio'], [0], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
