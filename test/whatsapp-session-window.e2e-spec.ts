import { Test, TestingModule } from '@nestjs/testing';
import { ZixflowModule, ZixflowSessionWindowClosedError, ZixflowWhatsappService } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

const HOUR = 60 * 60 * 1000;
const text = { type: 'text' as const, to: '+1 302 389 5111', text: { body: 'Your order shipped' } };

describe('the 24-hour window on plain sends: off by default, checked with sessionWindow', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, defaultPhoneId: sandbox.phoneId }),
      ],
    }).compile();
    whatsapp = moduleRef.get(ZixflowWhatsappService);
  });
  beforeEach(() => sandbox.clear());
  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  it('sends without the option, whenever the customer wrote', async () => {
    await whatsapp.send(text);
    expect(sandbox.messages).toHaveLength(1);
  });

  it('sends while the window is open', async () => {
    await whatsapp.send(text, { sessionWindow: { lastCustomerMessageAt: new Date(Date.now() - 23 * HOUR) } });
    expect(sandbox.messages.map((message) => message.body.type)).toEqual(['text']);
  });

  it.each([
    ['closed 25 hours ago', new Date(Date.now() - 25 * HOUR)],
    ['never opened', undefined],
  ])('refuses before the network when the window is %s', async (_case, lastCustomerMessageAt) => {
    const error = await whatsapp
      .send(text, { sessionWindow: { lastCustomerMessageAt } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZixflowSessionWindowClosedError);
    expect(error).toMatchObject({ retryable: false, attempts: 0, lastCustomerMessageAt });
    expect((error as Error).message).toContain('1302***5111');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('sends the fallback template instead once the window is closed', async () => {
    const fallbackTemplate = { templateName: 'order_update', language: 'en', variables: { status: 'shipped' } };
    await whatsapp.send(text, { sessionWindow: { lastCustomerMessageAt: undefined, fallbackTemplate } });
    expect(sandbox.messages.map((message) => message.body)).toEqual([
      {
        to: '13023895111',
        phoneId: sandbox.phoneId,
        templateName: 'order_update',
        language: 'en',
        variables: { status: 'shipped' },
      },
    ]);
  });

  it('never checks a template, which is what reaches a customer outside the window', async () => {
    await whatsapp.send(
      { type: 'template', to: '+1 302 389 5111', templateName: 'order_update', language: 'en', variables: {} },
      { sessionWindow: { lastCustomerMessageAt: undefined } },
    );
    expect(sandbox.messages).toHaveLength(1);
  });
});
