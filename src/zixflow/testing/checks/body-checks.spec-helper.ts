/** Valid bodies and builders shared by the body-check specs; each case changes one thing. */

/** A valid recipient and business number. */
export const envelope = { to: '919876543210', phoneId: '104898309288724' };

/** One valid body per session kind. */
export const validSessionBodies: Record<string, Record<string, unknown>> = {
  text: { ...envelope, type: 'text', text: { body: 'Hello https://example.com', preview_url: true } },
  image: { ...envelope, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'A' } },
  video: {
    ...envelope,
    type: 'video',
    video: { link: 'https://example.com/clip.mp4', caption: 'Demo' },
    source: 'API',
    linkWithRecord: false,
    reportURL: 'https://example.com/zixflow/report',
    submissionStatus: true,
  },
  audio: { ...envelope, type: 'audio', audio: { link: 'http://example.com/a.mp3' } },
  document: {
    ...envelope,
    type: 'document',
    document: { link: 'https://example.com/a.pdf', caption: 'Invoice', filename: 'a.pdf' },
  },
  location: {
    ...envelope,
    type: 'location',
    location: { latitude: '-12.9716', longitude: '180', name: 'HQ', address: 'Main St' },
  },
  interactive: {
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'button',
      header: { type: 'image', image: { link: 'https://example.com/h.png' } },
      body: { text: 'Pick one' },
      footer: { text: 'Thanks' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
          { type: 'reply', reply: { id: 'no', title: 'No' } },
          { type: 'reply', reply: { id: 'later', title: 'Later' } },
        ],
      },
    },
  },
};

/** A valid template send, with every optional field. */
export const validTemplateBody = {
  ...envelope,
  templateName: 'marketing_sample_2',
  language: 'en_US',
  variables: { video: 'https://example.com/small.mp4' },
  reportURL: 'https://example.com/zixflow/report',
  submissionStatus: true,
};

/** The valid interactive body with some of its `interactive` fields replaced. */
export function withInteractive(patch: Record<string, unknown>): Record<string, unknown> {
  const base = validSessionBodies.interactive.interactive as Record<string, unknown>;
  return { ...validSessionBodies.interactive, interactive: { ...base, ...patch } };
}

/** The valid interactive body with other buttons. */
export function withButtons(buttons: unknown): Record<string, unknown> {
  return withInteractive({ action: { buttons } });
}

/** A reply button. */
export const reply = (id: string, title: string): Record<string, unknown> => ({ type: 'reply', reply: { id, title } });
