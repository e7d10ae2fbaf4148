import {
  ZixflowApiError,
  ZixflowBadRequestError,
  ZixflowNetworkError,
  ZixflowServerError,
  ZixflowTimeoutError,
} from '../src/zixflow';
import { PHONE_ID, caught, closedPort, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';
import { FakeZixflow, FakeZixflowAnswer, startFakeZixflow } from './reliability-fake-zixflow';

const VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';
const SEND_PATH = '/api/v1/campaign/whatsapp/message/send';
const QUERY = { templateName: 'order_update', language: 'en' };

describe('errors name the HTTP method that was used', () => {
  let zixflow: FakeZixflow;
  let service: WhatsappUnderTest;
  let next: FakeZixflowAnswer | 'stall';

  beforeAll(async () => {
    zixflow = await startFakeZixflow(() => next);
    service = await startWhatsapp({ baseUrl: zixflow.url, defaultPhoneId: PHONE_ID, retry: false, timeoutMs: 300 });
  });

  afterEach(() => {
    zixflow.requests.length = 0;
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await zixflow.close();
  });

  it('getTemplateVariables answered 500: a ZixflowServerError on GET', async () => {
    next = { status: 500, body: JSON.stringify({ status: false, message: 'Internal error' }) };

    const error = await caught(service.whatsapp.getTemplateVariables(QUERY));

    expect(error).toBeInstanceOf(ZixflowServerError);
    expect(error).toMatchObject({
      method: 'GET',
      endpoint: VARIABLES_PATH,
      status: 500,
      message: `Zixflow answered 500 on GET ${VARIABLES_PATH}: Internal error`,
    });
    expect(zixflow.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('getTemplateVariables answered 400: a ZixflowBadRequestError on GET', async () => {
    next = { status: 400, body: JSON.stringify({ status: false, message: 'Invalid data Provided' }) };

    const error = await caught(service.whatsapp.getTemplateVariables(QUERY));

    expect(error).toBeInstanceOf(ZixflowBadRequestError);
    expect(error).toMatchObject({
      method: 'GET',
      message: `Zixflow answered 400 on GET ${VARIABLES_PATH}: Invalid data Provided`,
    });
  });

  it('getTemplateVariables answered a success without a list: a ZixflowApiError on GET', async () => {
    next = { status: 200, body: JSON.stringify({ status: true, message: 'Success' }) };

    const error = await caught(service.whatsapp.getTemplateVariables(QUERY));

    expect(error.constructor).toBe(ZixflowApiError);
    expect(error).toMatchObject({
      method: 'GET',
      message: `Zixflow answered 200 on GET ${VARIABLES_PATH}: the answer holds no variable list`,
    });
  });

  it('getTemplateVariables not answered in time: a ZixflowTimeoutError on GET', async () => {
    next = 'stall';

    const error = await caught(service.whatsapp.getTemplateVariables(QUERY));

    expect(error).toBeInstanceOf(ZixflowTimeoutError);
    expect(error).toMatchObject({
      method: 'GET',
      message: `Zixflow did not answer GET ${VARIABLES_PATH} within 300 ms`,
    });
  });

  it('getTemplateVariables with nothing listening: a ZixflowNetworkError on GET', async () => {
    const refused = await startWhatsapp({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      defaultPhoneId: PHONE_ID,
      retry: false,
    });
    try {
      const error = await caught(refused.whatsapp.getTemplateVariables(QUERY));

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({
        method: 'GET',
        message: `Network error calling Zixflow GET ${VARIABLES_PATH} (ECONNREFUSED) before the request was sent`,
      });
    } finally {
      await refused.moduleRef.close();
    }
  });

  it('a send answered 500 still says POST', async () => {
    next = { status: 500, body: JSON.stringify({ status: false, message: 'Internal error' }) };

    const error = await caught(service.whatsapp.sendText({ to: '+1 302 389 5111', text: { body: 'Hi' } }));

    expect(error).toMatchObject({
      method: 'POST',
      message: `Zixflow answered 500 on POST ${SEND_PATH}: Internal error`,
    });
    expect(zixflow.requests.map((request) => request.method)).toEqual(['POST']);
  });
});
