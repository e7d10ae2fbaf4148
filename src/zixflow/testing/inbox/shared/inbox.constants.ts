/*
 * Names the server and the inbox page must agree on. Shared like the other files of this folder:
 * compiled for Node and for the browser, so it imports nothing.
 */

/** The inbox's JSON and event-stream API. */
export const INBOX_API_PATHS = {
  conversations: '/inbox/api/conversations',
  events: '/inbox/api/events',
  customerMessage: '/inbox/api/customer-message',
} as const;

/** How a media kind is named, in a bubble and in the conversation list. */
export const INBOX_MEDIA_LABELS: Readonly<Record<string, string>> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
};

/**
 * The profile name the sandbox gives a simulated customer who has none (sandbox-incoming-payload's
 * default): not a real name, so the inbox names that chat by its number instead.
 */
export const SANDBOX_PLACEHOLDER_NAME = 'Sandbox Customer';
