import {
  ZixflowApiError,
  ZixflowBadRequestError,
  ZixflowMessage,
  ZixflowServerError,
  ZixflowValidationError,
} from '../src/zixflow';
import { PHONE_ID, caught, startWhatsapp, WhatsappUnderTest } from './reliability.helpers';
import {
  FakeZixflow,
  SUCCESS,
  deeplyNestedJson,
  deeplyNestedValue,
  startFakeZixflow,
} from './reliability-fake-zixflow';

// 100 000 levels of JSON are parsed per hostile answer; a loaded CI machine needs more than 5 s.
jest.setTimeout(20_000);

const SEND_PATH = '/api/v1/campaign/whatsapp/message/send';
const VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';
const LEVELS = 100_000;

/** Recipients the fake server answers with a hostile body (digits as sent), and how. */
const HOSTILE: Record<string, { status: number; body: string }> = {
  '13023895001': { status: 400, body: deeplyNestedJson(LEVELS) },
  '13023895002': { status: 500, body: deeplyNestedJson(LEVELS) },
  '13023895003': {
    status: 400,
    body: `{"status":false,"message":"Invalid data Provided","detail":${deeplyNestedJson(LEVELS)}}`,
  },
};

function textTo(to: string): ZixflowMessage {
  return { type: 'text', to: `+${to}`, text: { body: 'Hello' } };
}

describe('reliability: hostile, deeply nested bodies never overflow the stack', () => {
  let zixflow: FakeZixflow;
  let service: WhatsappUnderTest;

  beforeAll(async () => {
    zixflow = await startFakeZixflow((request) => {
      if (request.url.startsWith(VARIABLES_PATH)) {
        return { status: 200, body: `{"status":true,"message":"Success","data":${deeplyNestedJson(LEVELS, 'data')}}` };
      }
      const to = (request.body as { to?: string } | undefined)?.to ?? '';
      return HOSTILE[to] ?? { status: 200, body: SUCCESS };
    });
    service = await startWhatsapp({ baseUrl: zixflow.url, defaultPhoneId: PHONE_ID, retry: false });
  });

  afterEach(() => {
    zixflow.requests.length = 0;
  });

  afterAll(async () => {
    await service.moduleRef.close();
    await zixflow.close();
  });

  it.each<[string, string, new (...args: never[]) => ZixflowApiError, number, string | undefined]>([
    ['400, no message', '13023895001', ZixflowBadRequestError, 400, undefined],
    ['500, no message', '13023895002', ZixflowServerError, 500, undefined],
    ['400 with a message and a deep detail', '13023895003', ZixflowBadRequestError, 400, 'Invalid data Provided'],
  ])('a %s answer rejects with the typed API error', async (_name, to, errorClass, status, zixflowMessage) => {
    const error = await caught(service.whatsapp.send(textTo(to)));

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, zixflowMessage, endpoint: SEND_PATH, attempts: 1, retryable: false });
    expect(error.message).toBe(
      `Zixflow answered ${status} on POST ${SEND_PATH}: ${zixflowMessage ?? 'no message in the response'}`,
    );
    // The body is kept for diagnosis, cut at a bounded depth, so logging the error works too.
    const json = JSON.stringify(error);
    expect(json).toContain('[nested too deep]');
    expect(json.length).toBeLessThan(2_000);
    expect(zixflow.requests).toHaveLength(1);
  });

  it('sendMany reports the hostile answer for its message only; the others are sent', async () => {
    const outcomes = await service.whatsapp.sendMany(
      [textTo('13023895111'), textTo('13023895002'), textTo('13023895112'), textTo('13023895001')],
      { concurrency: 2 },
    );

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true, false]);
    const failed = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    expect(failed[0]).toBeInstanceOf(ZixflowServerError);
    expect(failed[0]).toMatchObject({
      status: 500,
      message: `Zixflow answered 500 on POST ${SEND_PATH}: no message in the response`,
    });
    expect(failed[1]).toBeInstanceOf(ZixflowBadRequestError);
    expect(failed[1]).toMatchObject({ status: 400 });
    expect(zixflow.requests).toHaveLength(4);
  });

  it.each<[string, () => unknown]>([
    ['a deep plain object in an unknown key', () => ({ body: 'Hi', extra: deeplyNestedValue(LEVELS) })],
    ['a deep object as the body', () => ({ body: deeplyNestedValue(LEVELS) })],
    ['deep JSON parsed from a request', () => JSON.parse(`{"body":"Hi","extra":${deeplyNestedJson(LEVELS)}}`)],
    ['a Set holding a deep object', () => ({ body: 'Hi', extra: new Set([deeplyNestedValue(LEVELS)]) })],
    ['a Map holding a deep object', () => ({ body: 'Hi', extra: new Map([['k', deeplyNestedValue(LEVELS)]]) })],
    [
      'a tagged object holding a deep object',
      () => ({ body: 'Hi', extra: { [Symbol.toStringTag]: 'Thing', a: deeplyNestedValue(LEVELS) } }),
    ],
    ['a deep Set as the body', () => ({ body: new Set([deeplyNestedValue(LEVELS)]) })],
  ])('a message with %s is refused with a ZixflowValidationError; nothing is sent', async (_name, text) => {
    const message = { to: '+1 302 389 5111', text: text() };

    const error = await caught(service.whatsapp.sendText(message as never));
    const inBulk = await service.whatsapp.sendMany([{ type: 'text', ...message } as never]);

    expect(error).toBeInstanceOf(ZixflowValidationError);
    expect((error as ZixflowValidationError).errors.length).toBeGreaterThan(0);
    expect(inBulk).toHaveLength(1);
    expect(inBulk[0].ok).toBe(false);
    expect(inBulk[0].ok ? undefined : inBulk[0].error).toBeInstanceOf(ZixflowValidationError);
    expect(zixflow.requests).toHaveLength(0);
  });

  it('a variable-keys success holding no list but deep data rejects with a loggable ZixflowApiError', async () => {
    const error = await caught(service.whatsapp.getTemplateVariables({ templateName: 'order_update', language: 'en' }));

    expect(error).toBeInstanceOf(ZixflowApiError);
    expect(error).toMatchObject({ status: 200, zixflowMessage: 'the answer holds no variable list' });
    expect(JSON.stringify(error)).toContain('[nested too deep]');
  });
});
