/** Valid AI API bodies shared by the AI body-check and sandbox specs; each case changes one thing. */

/** A valid AI recipient and business number. */
export const aiEnvelope = { recipient: '919876543210', phone_id: '104898309288724' };

/** One valid list `interactive` object: two sections, three rows. */
export const validList = {
  type: 'list',
  header: { type: 'text', text: 'Menu' },
  body: { text: 'What would you like?' },
  footer: { text: 'Tap to choose' },
  action: {
    button: 'Choose',
    sections: [
      { title: 'Orders', rows: [{ id: 'track', title: 'Track an order', description: 'Where is my parcel?' }] },
      {
        title: 'Help',
        rows: [
          { id: 'human', title: 'Talk to us' },
          { id: 'faq', title: 'FAQ' },
        ],
      },
    ],
  },
};

/** One valid body per AI send path (after the ingest prefix), as `[path, body]`. */
export const validAiBodies: Record<string, Record<string, unknown>> = {
  '/whatsapp/v1/message/text/send': { ...aiEnvelope, text: { body: 'Hello', preview_url: true } },
  '/whatsapp/v1/message/image/send': {
    ...aiEnvelope,
    image: { link: 'https://example.com/a.jpg', caption: 'A' },
    post_back_url: 'https://example.com/postbacks',
    post_back_data: 'order-42',
  },
  '/whatsapp/v1/message/video/send': { ...aiEnvelope, video: { id: '1234567890', caption: 'Demo' } },
  '/whatsapp/v1/message/audio/send': { ...aiEnvelope, audio: { link: 'https://example.com/a.ogg' } },
  '/whatsapp/v1/message/document/send': {
    ...aiEnvelope,
    document: { link: 'https://example.com/a.pdf', filename: 'a.pdf', caption: 'Invoice' },
  },
  '/whatsapp/v1/message/sticker/send': { ...aiEnvelope, sticker: { link: 'https://example.com/s.webp' } },
  '/whatsapp/v1/message/location/send': {
    ...aiEnvelope,
    location: { latitude: '12.9716', longitude: '77.5946', name: 'HQ', address: 'Main St' },
  },
  '/whatsapp/v1/message/contacts/send': {
    ...aiEnvelope,
    contacts: [
      {
        name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' },
        phones: [{ phone: '+44 20 7946 0958', type: 'WORK', wa_id: '442079460958' }],
        emails: [{ email: 'ada@example.com', type: 'WORK' }],
        org: { company: 'Analytical Engines' },
        birthday: '1815-12-10',
      },
    ],
  },
  '/whatsapp/v1/message/reaction/send': { ...aiEnvelope, reaction: { message_id: 'wamid.HBgL', emoji: '👍' } },
  '/whatsapp/v1/message/interactive/reply-buttons/send': {
    ...aiEnvelope,
    interactive: {
      type: 'button',
      header: { type: 'image', image: { id: 'media-1' } },
      body: { text: 'Pick one' },
      action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
    },
  },
  '/whatsapp/v1/message/interactive/list-buttons/send': { ...aiEnvelope, interactive: validList },
  '/whatsapp/v1/message/interactive/url-button/send': {
    ...aiEnvelope,
    interactive: {
      type: 'cta_url',
      body: { text: 'See your order' },
      action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://shop.example.com/o/42' } },
    },
  },
  '/whatsapp/v1/message/interactive/location-request/send': {
    ...aiEnvelope,
    interactive: {
      type: 'location_request_message',
      body: { text: 'Where should we deliver?' },
      action: { name: 'send_location' },
    },
  },
  '/whatsapp/v1/message/interactive/address/send': {
    ...aiEnvelope,
    interactive: {
      type: 'address_message',
      body: { text: 'Your delivery address, please' },
      action: { name: 'address_message', parameters: { country: 'IN', values: { name: 'Ada', city: 'Pune' } } },
    },
  },
  '/whatsapp/v1/template/send': {
    ...aiEnvelope,
    template_name: 'welcome_message',
    language: 'en',
    variables: { customer_name: 'Ada' },
  },
};

/** A body of `path` with its kind object (or, for templates, top-level fields) patched. */
export function withAiField(path: string, key: string, value: unknown): Record<string, unknown> {
  return { ...validAiBodies[path], [key]: value };
}
