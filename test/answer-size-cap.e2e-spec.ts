import { ZixflowNetworkError } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, caught, PHONE_ID, startWhatsapp, VIDEO, WhatsappUnderTest } from './reliability.helpers';

/*
 * An answer larger than 8 MiB (a broken proxy streaming without end, say) is cut off and rejected,
 * through the real module against the sandbox, instead of being held in memory.
 */
describe('an answer over the 8 MiB cap', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    service = await startWhatsapp({ baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await sandbox.stop();
  });

  it('rejects as a ZixflowNetworkError whose request was sent (so not retried as if unsent)', async () => {
    sandbox.respondNext({ status: 200, body: `{"status":true,"pad":"${'x'.repeat(9 * 1024 * 1024)}"}` });
    const error = await caught(service.whatsapp.sendVideo(VIDEO));
    expect(error).toBeInstanceOf(ZixflowNetworkError);
    expect(error).toMatchObject({ requestSent: true, retryable: false });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('takes an answer just under the cap', async () => {
    sandbox.respondNext({ status: 200, body: { status: true, message: 'ok', pad: 'x'.repeat(7 * 1024 * 1024) } });
    await expect(service.whatsapp.sendVideo(VIDEO)).resolves.toMatchObject({ status: true });
  });
});
