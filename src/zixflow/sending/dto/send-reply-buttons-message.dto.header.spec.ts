import { NOT_A_FIELD, errorsFor, withHeader } from './send-reply-buttons-message.dto.spec-helper';

describe('SendReplyButtonsMessageDto', () => {
  describe('header', () => {
    it.each([
      ['text without text', { type: 'text' }, 'interactive.header.text is required when header.type is "text"'],
      ['image without image', { type: 'image' }, 'interactive.header.image is required when header.type is "image"'],
      ['video without video', { type: 'video' }, 'interactive.header.video is required when header.type is "video"'],
      [
        'document without document',
        { type: 'document' },
        'interactive.header.document is required when header.type is "document"',
      ],
      [
        'text with an image',
        { type: 'text', text: 'Hi', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.image is only allowed when header.type is "image"',
      ],
      [
        'image with text',
        { type: 'image', text: 'Hi', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.text is only allowed when header.type is "text"',
      ],
      [
        'video with a document',
        {
          type: 'video',
          video: { link: 'https://example.com/v.mp4' },
          document: { link: 'https://example.com/d.pdf' },
        },
        'interactive.header.document is only allowed when header.type is "document"',
      ],
      [
        'text of 61 characters',
        { type: 'text', text: 'h'.repeat(61) },
        'interactive.header.text must be at most 60 characters',
      ],
      [
        'text of 61 emoji',
        { type: 'text', text: '🎉'.repeat(61) },
        'interactive.header.text must be at most 60 characters',
      ],
      ['blank text', { type: 'text', text: '  ' }, 'interactive.header.text must not be empty'],
      ['null text', { type: 'text', text: null }, 'interactive.header.text is required'],
      ['numeric text', { type: 'text', text: 60 }, 'interactive.header.text must be a string'],
      ['image without link', { type: 'image', image: {} }, 'interactive.header.image.link is required'],
      [
        'image as a string',
        { type: 'image', image: 'https://example.com/h.jpg' },
        'interactive.header.image must be an object',
      ],
      ['image that is null', { type: 'image', image: null }, 'interactive.header.image is required'],
      [
        'image with a javascript: link',
        { type: 'image', image: { link: 'javascript:alert(1)' } },
        'interactive.header.image.link must be an http or https URL, e.g. https://example.com/media.mp4',
      ],
      [
        'video with a relative link',
        { type: 'video', video: { link: '/h.mp4' } },
        'interactive.header.video.link must be an http or https URL, e.g. https://example.com/media.mp4',
      ],
      [
        'image with a caption',
        { type: 'image', image: { link: 'https://example.com/h.jpg', caption: 'c' } },
        `interactive.header.image.caption ${NOT_A_FIELD}`,
      ],
      [
        'type "sticker"',
        { type: 'sticker' },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
      ['an unknown field', { type: 'text', text: 'Hi', link: 'x' }, `interactive.header.link ${NOT_A_FIELD}`],
      ['null', null, 'interactive.header must be an object'],
      ['a string', 'Hi', 'interactive.header must be an object'],
    ])('refuses a header: %s', (_label, header, expected) => {
      expect(errorsFor(withHeader(header))).toEqual([expected]);
    });

    // With a wrong or missing type, the type line comes with a second line about the field of the
    // intended type (see the report: arguably noise), so only the type line is pinned here.
    it.each([
      ['without type', { text: 'Hi' }, 'interactive.header.type is required'],
      [
        'with type "TEXT"',
        { type: 'TEXT', text: 'Hi' },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
      [
        'with type "photo"',
        { type: 'photo', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
    ])('refuses a header %s', (_label, header, expected) => {
      const errors = errorsFor(withHeader(header));

      expect(errors[0]).toBe(expected);
      expect(errors).toHaveLength(2);
    });
  });
});
