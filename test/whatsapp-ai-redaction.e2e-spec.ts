import { ZixflowBadRequestError } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, caught, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';

const WORKSPACE_ID = 'ws-7f1c2e9a0b3d';
const WEBHOOK_SECRET = 'whsec_0f9e8d7c6b5a4938';

describe('the AI API keeps its credentials out of errors and logs', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, workspaceId: WORKSPACE_ID });
    service = await startWhatsapp({
      baseUrl: sandbox.url,
      api: 'ai',
      workspaceId: WORKSPACE_ID,
      defaultPhoneId: '104898309288724',
      retry: false,
      postBacks: { webhooksUrl: 'https://bot.example.com/zixflow/webhooks', secret: WEBHOOK_SECRET },
    });
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  it('redacts the key, the workspace id and the post-back secret that Zixflow echoes back', async () => {
    sandbox.respondNext({
      status: 400,
      body: {
        success: false,
        message: `Bad request for key ${API_KEY} in workspace ${WORKSPACE_ID} to post_back_url ...?token=${WEBHOOK_SECRET}`,
        echo: { headers: { 'x-api-key': API_KEY, 'x-workspace-id': WORKSPACE_ID } },
      },
    });

    const error = await caught(service.whatsapp.sendText({ to: '+1 302 389 5111', text: { body: 'Hi' } }));

    expect(error).toBeInstanceOf(ZixflowBadRequestError);
    const everything = [
      JSON.stringify(error),
      String(error.stack),
      ...service.logger.lines.map((line) => line.text),
    ].join('\n');
    for (const secret of [API_KEY, WORKSPACE_ID, WEBHOOK_SECRET]) expect(everything).not.toContain(secret);
    expect((error as ZixflowBadRequestError).zixflowMessage).toBe(
      'Bad request for key [REDACTED] in workspace [REDACTED] to post_back_url ...?token=[REDACTED]',
    );
    expect(service.logger.lines.some((line) => line.level === 'error' && line.text.includes('[REDACTED]'))).toBe(true);
  });

  it('never logs the credentials on a successful send either', async () => {
    service.logger.lines.length = 0;
    await service.whatsapp.sendText({ to: '+1 302 389 5111', text: { body: 'Hi' } });
    const logged = service.logger.lines.map((line) => line.text).join('\n');
    for (const secret of [API_KEY, WORKSPACE_ID, WEBHOOK_SECRET]) expect(logged).not.toContain(secret);
    expect(logged).not.toContain('13023895111');
  });
});
