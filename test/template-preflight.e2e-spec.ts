import { Test, TestingModule } from '@nestjs/testing';
import {
  ZixflowApiError,
  ZixflowModule,
  ZixflowModuleOptions,
  ZixflowValidationError,
  ZixflowWhatsappService,
} from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

const VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';
const TEMPLATE = {
  templateName: 'order_update',
  language: 'en',
  variables: [
    { label: 'Header Video', keyName: 'video', type: 'VIDEO_URL' },
    { label: 'Body 1', keyName: 'body_1', type: 'TEXT' },
  ],
};

describe('template tools: getTemplateVariables and the variables pre-flight', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  async function boot(extra: Partial<ZixflowModuleOptions> = {}): Promise<ZixflowWhatsappService> {
    moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot({
          apiKey: sandbox.apiKey,
          baseUrl: sandbox.url,
          defaultPhoneId: 'p-1',
          retry: false,
          ...extra,
        }),
      ],
    }).compile();
    await moduleRef.init();
    return moduleRef.get(ZixflowWhatsappService);
  }

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    sandbox.registerTemplate(TEMPLATE);
  });

  beforeEach(async () => {
    whatsapp = await boot();
  });

  afterEach(async () => {
    await moduleRef.close();
    sandbox.clear();
  });

  afterAll(() => sandbox.stop());

  it('getTemplateVariables reads the keys with GET and caches them per template', async () => {
    const first = await whatsapp.getTemplateVariables({ templateName: 'order_update', language: 'en' });
    const second = await whatsapp.getTemplateVariables({ templateName: 'order_update', language: 'en' });

    expect(first).toEqual(TEMPLATE.variables);
    expect(second).toEqual(first);
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]).toMatchObject({
      method: 'GET',
      path: VARIABLES_PATH,
      query: { phoneId: 'p-1', templateName: 'order_update', language: 'en' },
    });
    expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
  });

  it('refuses a mismatched variables map before any send request', async () => {
    const error: unknown = await whatsapp
      .sendTemplate(
        {
          to: '+1 302 389 5111',
          templateName: 'order_update',
          language: 'en',
          variables: { video: 'not-a-url', name: 'Ada' },
        },
        { checkVariables: true },
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toEqual([
      'variables.body_1 is missing: template "order_update" (en) expects video, body_1',
      'variables.name is not a variable of template "order_update" (en) (it expects video, body_1)',
      'variables.video must be an http or https URL: the template declares it as VIDEO_URL',
    ]);
    expect(sandbox.requests.map((request) => request.method)).toEqual(['GET']);
    expect(sandbox.messages).toHaveLength(0);
  });

  it('sends a matching map after the check', async () => {
    await whatsapp.sendTemplate(
      {
        to: '+1 302 389 5111',
        templateName: 'order_update',
        language: 'en',
        variables: { video: 'https://cdn.example.com/v.mp4', body_1: 'Ada' },
      },
      { checkVariables: true },
    );

    expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${VARIABLES_PATH}`,
      'POST /api/v1/campaign/whatsapp/send',
    ]);
    expect(sandbox.messages[0].body).toEqual({
      to: '13023895111',
      phoneId: 'p-1',
      templateName: 'order_update',
      language: 'en',
      variables: { video: 'https://cdn.example.com/v.mp4', body_1: 'Ada' },
    });
  });

  it('checks every template when the module option templates.checkVariables is on', async () => {
    await moduleRef.close();
    whatsapp = await boot({ templates: { checkVariables: true } });

    await expect(
      whatsapp.sendTemplate({ to: '+1 302 389 5111', templateName: 'order_update', language: 'en', variables: {} }),
    ).rejects.toBeInstanceOf(ZixflowValidationError);
    expect(sandbox.messages).toHaveLength(0);
  });

  it('an unknown template rejects with Zixflow’s answer and sends nothing', async () => {
    const error: unknown = await whatsapp
      .sendTemplate(
        { to: '+1 302 389 5111', templateName: 'nope', language: 'en', variables: {} },
        { checkVariables: true },
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ZixflowApiError);
    expect(error).toMatchObject({ status: 404, zixflowMessage: 'Template not found' });
    expect(sandbox.messages).toHaveLength(0);
  });

  it('reads the nested data.data shape and a configurable path', async () => {
    await moduleRef.close();
    whatsapp = await boot({ templates: { variablesPath: '/custom/variable-keys' } });
    sandbox.respondNext({
      status: 200,
      body: { success: true, data: { data: [{ keyName: 'otp', type: 'OTP' }, { label: 'no key' }] } },
    });

    await expect(
      whatsapp.getTemplateVariables({ templateName: 'otp', language: 'en', phoneId: 'p-2' }),
    ).resolves.toEqual([{ keyName: 'otp', type: 'OTP' }]);
    expect(sandbox.lastRequest).toMatchObject({
      method: 'GET',
      path: '/custom/variable-keys',
      query: { phoneId: 'p-2' },
    });
  });
});
