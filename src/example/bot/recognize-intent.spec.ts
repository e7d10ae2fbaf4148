import type { ZixflowIncomingContent } from '../../zixflow/webhooks';
import { BotIntent, recognizeIntent } from './recognize-intent';

const text = (body: string): ZixflowIncomingContent => ({ type: 'text', text: { body } });
const button = (id: string): ZixflowIncomingContent => ({
  type: 'reply',
  reply: { id, title: undefined, description: undefined, source: 'button_reply' },
});

describe('recognizeIntent', () => {
  it.each<[string, ZixflowIncomingContent, BotIntent]>([
    ['"hi"', text('hi'), { kind: 'menu' }],
    ['"Hi!" with spaces', text('  Hi! '), { kind: 'menu' }],
    ['"MENU"', text('MENU'), { kind: 'menu' }],
    ['"hello 👋"', text('hello 👋'), { kind: 'menu' }],
    ['the Track order button', button('track'), { kind: 'track-order' }],
    ['the Talk to us button', button('talk-to-us'), { kind: 'talk-to-us' }],
    ['typing "Track order"', text('Track order'), { kind: 'track-order' }],
    ['typing "talk to us"', text('talk to us'), { kind: 'talk-to-us' }],
    ['"1001"', text('1001'), { kind: 'order-number', orderId: '1001' }],
    ['"#1002"', text('#1002'), { kind: 'order-number', orderId: '1002' }],
    ['"order 1003."', text('order 1003.'), { kind: 'order-number', orderId: '1003' }],
    ['a question', text('where is my parcel?'), { kind: 'other' }],
    ['a number inside a sentence', text('my order is 1001 thanks'), { kind: 'other' }],
    ['an unknown button', button('something-else'), { kind: 'other' }],
    [
      'an image',
      {
        type: 'image',
        image: { link: undefined, caption: 'hi', mimeType: undefined, name: undefined, size: undefined },
      },
      { kind: 'other' },
    ],
    ['an unknown message', { type: 'unknown', originalType: 'sticker', raw: {} }, { kind: 'other' }],
  ])('reads %s', (_case, message, intent) => {
    expect(recognizeIntent(message)).toEqual(intent);
  });
});
