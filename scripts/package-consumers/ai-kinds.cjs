'use strict';
// Every message kind as a caller writes it, and the AI API body the API notes (§3) document for it:
// { recipient, phone_id, <kind object>, post_back_url?, post_back_data? } on its own path, no `type`.
// Written here by hand, from the notes, so the package's own tables are checked, not repeated.

const TO = '+1 302 389 5111';
const RECIPIENT = '13023895111';
const PHONE_ID = 'consumer-phone';
const LIST = {
  header: { type: 'text', text: 'Support' },
  body: { text: 'Pick one' },
  action: { button: 'Options', sections: [{ title: 'Orders', rows: [{ id: 'track', title: 'Track' }] }] },
};

/** [method, message, path after /api/ingest/whatsapp/v1, the kind's part of the body] */
const AI_KINDS = [
  [
    'sendText',
    { to: TO, text: { body: 'Hello' }, postBackData: 'kind-text' },
    '/message/text/send',
    { text: { body: 'Hello' }, post_back_data: 'kind-text' },
  ],
  [
    'sendImage',
    { to: TO, image: { link: 'https://cdn.example.com/i.png' } },
    '/message/image/send',
    { image: { link: 'https://cdn.example.com/i.png' } },
  ],
  [
    'sendVideo',
    { to: TO, video: { id: '1166846181421424', caption: 'Hi' } },
    '/message/video/send',
    { video: { id: '1166846181421424', caption: 'Hi' } },
  ],
  [
    'sendAudio',
    { to: TO, audio: { link: 'https://cdn.example.com/a.ogg' } },
    '/message/audio/send',
    { audio: { link: 'https://cdn.example.com/a.ogg' } },
  ],
  [
    'sendDocument',
    { to: TO, document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
    '/message/document/send',
    { document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
  ],
  [
    'sendLocation',
    { to: TO, location: { latitude: 1.5, longitude: '-2.25' } },
    '/message/location/send',
    { location: { latitude: '1.5', longitude: '-2.25' } },
  ],
  [
    'sendSticker',
    { to: TO, sticker: { link: 'https://cdn.example.com/s.webp' } },
    '/message/sticker/send',
    { sticker: { link: 'https://cdn.example.com/s.webp' } },
  ],
  [
    'sendContacts',
    { to: TO, contacts: [{ name: { formatted_name: 'Ada' } }] },
    '/message/contacts/send',
    { contacts: [{ name: { formatted_name: 'Ada' } }] },
  ],
  [
    'sendReaction',
    { to: TO, reaction: { message_id: 'wamid.X', emoji: '👍' } },
    '/message/reaction/send',
    { reaction: { message_id: 'wamid.X', emoji: '👍' } },
  ],
  [
    'sendReplyButtons',
    {
      to: TO,
      interactive: { body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
    },
    '/message/interactive/reply-buttons/send',
    {
      interactive: { body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
    },
  ],
  [
    'sendList',
    { to: TO, interactive: LIST },
    '/message/interactive/list-buttons/send',
    { interactive: { type: 'list', ...LIST } },
  ],
  [
    'sendCtaUrl',
    {
      to: TO,
      interactive: {
        body: { text: 'See it' },
        action: { parameters: { display_text: 'Open', url: 'https://e.com/o' } },
      },
    },
    '/message/interactive/url-button/send',
    {
      interactive: {
        type: 'cta_url',
        body: { text: 'See it' },
        action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://e.com/o' } },
      },
    },
  ],
  [
    'sendLocationRequest',
    { to: TO, interactive: { body: { text: 'Where?' } } },
    '/message/interactive/location-request/send',
    { interactive: { type: 'location_request_message', body: { text: 'Where?' }, action: { name: 'send_location' } } },
  ],
  [
    'sendAddressRequest',
    { to: TO, interactive: { body: { text: 'Address?' }, action: { parameters: { country: 'IN' } } } },
    '/message/interactive/address/send',
    {
      interactive: {
        type: 'address_message',
        body: { text: 'Address?' },
        action: { name: 'address_message', parameters: { country: 'IN' } },
      },
    },
  ],
  [
    'sendTemplate',
    { to: TO, templateName: 'welcome', language: 'en' },
    '/template/send',
    { template_name: 'welcome', language: 'en' },
  ],
];

/** The kinds the campaign API does not document: refused before the network, naming api: 'ai'. */
const CAMPAIGN_REFUSED = [
  'sendSticker',
  'sendContacts',
  'sendReaction',
  'sendCtaUrl',
  'sendLocationRequest',
  'sendAddressRequest',
];

module.exports = { AI_KINDS, CAMPAIGN_REFUSED, LIST, PHONE_ID, RECIPIENT, TO };
