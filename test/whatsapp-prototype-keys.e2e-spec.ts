import { ZixflowMessage, ZixflowValidationError } from '../src/zixflow';
import { PHONE_ID, caught, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';
import { FakeZixflow, SUCCESS, startFakeZixflow } from './reliability-fake-zixflow';

/** A message parsed from JSON, the way a controller or a queue hands it over: every key is an own key. */
function parsed(json: string): ZixflowMessage {
  return JSON.parse(json) as ZixflowMessage;
}

const TO = '"to":"+1 302 389 5111"';
const BUTTONS = '"action":{"buttons":[{"type":"reply","reply":{"id":"y","title":"Yes"RESERVED}}]}';

const CASES: Array<[string, string, string]> = [
  ['__proto__ at the top level', `{"type":"text",${TO},"__proto__":{"x":1},"text":{"body":"Hi"}}`, '__proto__'],
  ['constructor at the top level', `{"type":"text",${TO},"constructor":{},"text":{"body":"Hi"}}`, 'constructor'],
  ['prototype at the top level', `{"type":"text",${TO},"prototype":{},"text":{"body":"Hi"}}`, 'prototype'],
  [
    '__proto__ in text',
    `{"type":"text",${TO},"text":{"body":"Hi","__proto__":{"preview_url":true}}}`,
    'text.__proto__',
  ],
  ['constructor in text', `{"type":"text",${TO},"text":{"body":"Hi","constructor":"x"}}`, 'text.constructor'],
  [
    'prototype in video',
    `{"type":"video",${TO},"video":{"link":"https://a.example/v.mp4","prototype":1}}`,
    'video.prototype',
  ],
  [
    '__proto__ in a button',
    `{"type":"interactive",${TO},"interactive":{"body":{"text":"Pick"},${BUTTONS.replace('RESERVED', ',"__proto__":{}')}}}`,
    'interactive.action.buttons.0.reply.__proto__',
  ],
  [
    'constructor in template variables',
    `{"type":"template",${TO},"templateName":"t","language":"en","variables":{"name":"Ada","constructor":"x"}}`,
    'variables.constructor',
  ],
  [
    '__proto__ in template variables',
    `{"type":"template",${TO},"templateName":"t","language":"en","variables":{"name":"Ada","__proto__":"x"}}`,
    'variables.__proto__',
  ],
];

describe('__proto__, constructor and prototype keys are refused as unknown fields', () => {
  let zixflow: FakeZixflow;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    zixflow = await startFakeZixflow(() => ({ status: 200, body: SUCCESS }));
    service = await startWhatsapp({ baseUrl: zixflow.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  afterEach(() => {
    zixflow.requests.length = 0;
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await zixflow.close();
  });

  it.each(CASES)('%s: send() rejects naming the field; nothing is sent', async (_name, json, path) => {
    const error = await caught(service.whatsapp.send(parsed(json)));

    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toEqual([
      `${path} is not a field Zixflow accepts here; remove it`,
    ]);
    expect(zixflow.requests).toHaveLength(0);
  });

  it.each(CASES)('%s: sendMany fails that message alone', async (_name, json, path) => {
    const outcomes = await service.whatsapp.sendMany([
      parsed(json),
      { type: 'text', to: '+1 302 389 5111', text: { body: 'Hi' } },
    ]);

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, true]);
    const failure = outcomes[0].ok ? undefined : outcomes[0].error;
    expect(failure).toBeInstanceOf(ZixflowValidationError);
    expect((failure as ZixflowValidationError).errors).toEqual([
      `${path} is not a field Zixflow accepts here; remove it`,
    ]);
    expect(zixflow.requests.map((request) => request.body)).toEqual([
      { to: '13023895111', phoneId: PHONE_ID, type: 'text', text: { body: 'Hi' } },
    ]);
  });

  it('the typed method (sendText) refuses it too, with every other problem', async () => {
    const message = JSON.parse(`{${TO},"__proto__":{},"text":{"body":"","constructor":{}}}`) as never;

    const error = await caught(service.whatsapp.sendText(message));

    expect((error as ZixflowValidationError).errors).toEqual([
      '__proto__ is not a field Zixflow accepts here; remove it',
      'text.constructor is not a field Zixflow accepts here; remove it',
      'text.body must not be empty',
    ]);
    expect(zixflow.requests).toHaveLength(0);
  });

  it('a prototype set with an object literal is not an own key, and changes nothing', async () => {
    // `{ __proto__: … }` in source code sets the prototype: no key is given, nothing is refused.
    const message = { __proto__: { caption: 'inherited' }, to: '+1 302 389 5111', text: { body: 'Hi' } };

    await service.whatsapp.sendText(message);

    expect(zixflow.requests.map((request) => request.body)).toEqual([
      { to: '13023895111', phoneId: PHONE_ID, type: 'text', text: { body: 'Hi' } },
    ]);
  });
});
