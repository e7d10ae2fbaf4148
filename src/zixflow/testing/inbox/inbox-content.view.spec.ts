import { incomingContentView, outgoingContentView } from './inbox-content.view';
import { previewOf } from './inbox-conversation.view';

const envelope = { to: '13023895111', phoneId: '100000000000001' };

describe('outgoingContentView', () => {
  it('formats a text', () => {
    expect(outgoingContentView({ ...envelope, type: 'text', text: { body: 'Hi *Ada*' } })).toEqual({
      kind: 'text',
      text: [{ text: 'Hi ' }, { text: 'Ada', bold: true }],
    });
  });

  it('shows a video as its link and caption, never as something to load', () => {
    expect(
      outgoingContentView({
        ...envelope,
        type: 'video',
        video: { link: 'https://cdn.example.com/t/1001.mp4', caption: 'On its way' },
      }),
    ).toEqual({
      kind: 'media',
      media: 'video',
      link: { text: 'cdn.example.com/t/1001.mp4', href: 'https://cdn.example.com/t/1001.mp4' },
      caption: [{ text: 'On its way' }],
    });
  });

  it('names a document', () => {
    expect(
      outgoingContentView({
        ...envelope,
        type: 'document',
        document: { link: 'https://cdn.example.com/i.pdf', filename: 'invoice.pdf' },
      }),
    ).toMatchObject({
      kind: 'media',
      media: 'document',
      filename: 'invoice.pdf',
    });
  });

  it('shows a location with its coordinates and a map link built from the numbers', () => {
    expect(
      outgoingContentView({
        ...envelope,
        type: 'location',
        location: { latitude: '12.9716', longitude: '77.5946', name: 'Warehouse' },
      }),
    ).toEqual({
      kind: 'location',
      latitude: '12.9716',
      longitude: '77.5946',
      name: 'Warehouse',
      map: {
        text: 'www.openstreetmap.org/?mlat=12.9716&mlon=77.5946#map=16/12.9716/77.5946',
        href: 'https://www.openstreetmap.org/?mlat=12.9716&mlon=77.5946#map=16/12.9716/77.5946',
      },
    });
  });

  it('shows reply buttons with the header, body and footer', () => {
    const body = {
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Support' },
        body: { text: 'How can we help?' },
        footer: { text: 'Reply below' },
        action: { buttons: [{ type: 'reply', reply: { id: 'track', title: 'Track order' } }] },
      },
    };
    expect(outgoingContentView(body)).toEqual({
      kind: 'buttons',
      header: { kind: 'text', text: [{ text: 'Support', bold: true }] },
      body: [{ text: 'How can we help?' }],
      footer: 'Reply below',
      buttons: [{ id: 'track', title: 'Track order' }],
    });
  });

  it('shows a template with its name, language and variables in order', () => {
    expect(
      outgoingContentView({
        ...envelope,
        templateName: 'order_update',
        language: 'en',
        variables: { '1': 'Ada', '2': '1001' },
      }),
    ).toEqual({
      kind: 'template',
      name: 'order_update',
      language: 'en',
      variables: [
        { name: '1', value: 'Ada' },
        { name: '2', value: '1001' },
      ],
    });
  });
});

describe('incomingContentView', () => {
  it('reads a text, a tapped button and a template quick reply', () => {
    expect(incomingContentView({ type: 'text', text: { body: 'hi' } })).toEqual({
      kind: 'text',
      text: [{ text: 'hi' }],
    });
    expect(
      incomingContentView({
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } },
      }),
    ).toEqual({
      kind: 'button-tap',
      id: 'track',
      title: 'Track order',
    });
    expect(incomingContentView({ type: 'button', button: { text: 'Yes', payload: 'confirm' } })).toEqual({
      kind: 'button-tap',
      id: 'confirm',
      title: 'Yes',
    });
  });

  it('keeps a javascript: media link as text', () => {
    expect(incomingContentView({ type: 'image', image: { link: 'javascript:alert(1)' } })).toEqual({
      kind: 'media',
      media: 'image',
      link: { text: 'javascript:alert(1)' },
    });
  });

  it('accepts numeric coordinates from a customer, and gives no map link for impossible ones', () => {
    expect(incomingContentView({ type: 'location', location: { latitude: 51.5, longitude: -0.12 } })).toMatchObject({
      latitude: '51.5',
      longitude: '-0.12',
      map: expect.anything() as unknown,
    });
    expect(incomingContentView({ type: 'location', location: { latitude: '91', longitude: 'x' } })).not.toHaveProperty(
      'map',
    );
  });

  it('shows anything else as unsupported, with a short excerpt', () => {
    const view = incomingContentView({ type: 'sticker-pack', data: 'x'.repeat(1000) });
    expect(view).toMatchObject({ kind: 'unsupported', type: 'sticker-pack' });
    expect(view.kind === 'unsupported' && view.detail.length).toBe(301);
  });
});

describe('previewOf', () => {
  it('describes each kind in one line', () => {
    expect(previewOf({ kind: 'text', text: [{ text: 'line one\nline two' }] })).toBe('line one line two');
    expect(previewOf({ kind: 'media', media: 'video', caption: [{ text: 'On its way' }] })).toBe('Video: On its way');
    expect(previewOf({ kind: 'template', name: 'order_update', language: 'en', variables: [] })).toBe(
      'Template: order_update',
    );
    expect(previewOf({ kind: 'text', text: [{ text: 'x'.repeat(200) }] })).toHaveLength(80);
  });
});
