import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ZixflowModule, ZixflowServerError, ZixflowValidationError, ZixflowWhatsappService } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

describe('ZixflowWhatsappService.send (any kind, by type)', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot({
          apiKey: sandbox.apiKey,
          baseUrl: sandbox.url,
          defaultPhoneId: 'p-1',
          retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 },
        }),
      ],
    })
      // A retry test ends with a send that fails on purpose, which the client logs as an ERROR: not in the output.
      .setLogger(new ConsoleLogger({ logLevels: [] }))
      .compile();
    await moduleRef.init();
    whatsapp = moduleRef.get(ZixflowWhatsappService);
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  it('sends the kind its type names, with type in the body for session messages and not for templates', async () => {
    await whatsapp.send({ type: 'text', to: '+1 302 389 5111', text: { body: 'hi' } });
    await whatsapp.send({ type: 'template', to: '+1 302 389 5111', templateName: 't', language: 'en', variables: {} });

    expect(sandbox.requests.map((request) => request.body)).toEqual([
      { to: '13023895111', phoneId: 'p-1', type: 'text', text: { body: 'hi' } },
      { to: '13023895111', phoneId: 'p-1', templateName: 't', language: 'en', variables: {} },
    ]);
  });

  it('retries a 503 by default', async () => {
    sandbox.respondNext({ status: 503, body: { status: false, message: 'busy' } });

    await whatsapp.send({ type: 'text', to: '+1 302 389 5111', text: { body: 'hi' } });

    expect(sandbox.requests).toHaveLength(2);
  });

  it('makes exactly one attempt with { retry: false }', async () => {
    sandbox.respondNext({ status: 503, body: { status: false, message: 'busy' } });

    const error: unknown = await whatsapp
      .send({ type: 'text', to: '+1 302 389 5111', text: { body: 'hi' } }, { retry: false })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ZixflowServerError);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('rejects (does not throw) for an unknown type, and sends nothing', async () => {
    const sending = whatsapp.send({ type: 'sticker', to: '+1 302 389 5111' } as unknown as Parameters<
      ZixflowWhatsappService['send']
    >[0]);

    await expect(sending).rejects.toBeInstanceOf(ZixflowValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });
});
