import { ZixflowValidationError } from '../src/zixflow';
import { PHONE_ID, caught, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';
import { FakeZixflow, SUCCESS, startFakeZixflow } from './reliability-fake-zixflow';

const NUMBER_HINT =
  'to must be a phone number with its country code, e.g. +1 302 389 5111 ' +
  '(7 to 15 digits; a national number starting with 0 needs the country code instead)';

describe('recipients written with the country code in parentheses', () => {
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

  it.each([
    ['(+1) 302.389.5111', '13023895111'],
    ['(+1) 302 389 5111', '13023895111'],
    ['(+1)3023895111', '13023895111'],
    ['(+44) 20 7946 0958', '442079460958'],
    ['(+91) 98765 43210', '919876543210'],
    [' ( +49 ) 171 1234567 ', '491711234567'],
  ])('%s is sent as %s', async (to, digits) => {
    await service.whatsapp.sendText({ to, text: { body: 'Hi' } });

    expect(zixflow.requests.map((request) => request.body)).toEqual([
      { to: digits, phoneId: PHONE_ID, type: 'text', text: { body: 'Hi' } },
    ]);
  });

  it.each([
    ['a US number in national format', '(302) 389-5111'],
    ['a UK number in national format', '(020) 7946 0958'],
    ['an Indian number in national format', '(98765) 43210'],
    ['a + inside brackets with more than the country code', '(+1 302) 389 5111'],
    ['brackets around a bare +', '(+) 1 302 389 5111'],
    ['a bracketed country code after digits', '1 (+1) 302 389 5111'],
    ['an unclosed bracket', '(+1 302 389 5111'],
  ])('%s (%s) is refused; nothing is sent', async (_name, to) => {
    const error = await caught(service.whatsapp.sendText({ to, text: { body: 'Hi' } }));

    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors).toEqual([NUMBER_HINT]);
    expect(zixflow.requests).toHaveLength(0);
  });
});
