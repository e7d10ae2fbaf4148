import { ZixflowServerError } from '../../../core/errors/zixflow-api.error';
import { mapZixflowAnswer, readZixflowEnvelope } from './zixflow-response.mapper';
import { ENDPOINT, SECRET, answer } from './zixflow-response.mapper.spec-helper';

// What the mapper resolves with. Refused answers are in zixflow-response.mapper.errors.spec.ts and
// the fields errors carry (Retry-After, attempts, redaction) in zixflow-response.mapper.error-fields.spec.ts.

describe('mapZixflowAnswer', () => {
  describe('successes', () => {
    it.each<[string, unknown, Record<string, unknown>]>([
      [
        'status: true with a message only (no id keys added)',
        { status: true, message: 'Message sent successfully' },
        { status: true, message: 'Message sent successfully' },
      ],
      [
        'status: true with messageId and campaignId',
        { status: true, message: 'Message sent successfully', messageId: 'msg-1', campaignId: 'cmp-9' },
        { status: true, message: 'Message sent successfully', messageId: 'msg-1', campaignId: 'cmp-9' },
      ],
      [
        'status: true with only messageId',
        { status: true, message: 'ok', messageId: 'msg-2' },
        { status: true, message: 'ok', messageId: 'msg-2' },
      ],
      [
        'unknown extra fields are tolerated and not copied',
        { status: true, message: 'Message sent successfully', data: { x: 1 }, foo: 'bar', credits: 3 },
        { status: true, message: 'Message sent successfully' },
      ],
      ['success: true (newer API envelope)', { success: true, message: 'Done' }, { status: true, message: 'Done' }],
      ['status: true without a message gives an empty message', { status: true }, { status: true, message: '' }],
    ])('%s', (_name, data, expected) => {
      const result = mapZixflowAnswer(answer(200, data), ENDPOINT, SECRET);
      expect(result).toStrictEqual(expected);
    });

    it('accepts any 2xx status with the success envelope', () => {
      expect(mapZixflowAnswer(answer(201, { status: true, message: 'created' }), ENDPOINT, SECRET)).toStrictEqual({
        status: true,
        message: 'created',
      });
    });
  });
});

describe('readZixflowEnvelope', () => {
  const VARIABLES = '/api/v1/campaign/whatsapp/variable-keys';

  it('resolves with the whole success envelope', () => {
    const envelope = { status: true, message: 'Success', data: [{ keyName: 'k' }] };
    expect(readZixflowEnvelope(answer(200, envelope), { method: 'GET', endpoint: VARIABLES }, SECRET)).toBe(envelope);
  });

  it('names the method it was given in the error, not POST', () => {
    const read = (): unknown =>
      readZixflowEnvelope(answer(500, { message: 'boom' }), { method: 'GET', endpoint: VARIABLES }, SECRET);
    expect(read).toThrow(ZixflowServerError);
    expect(read).toThrow(`Zixflow answered 500 on GET ${VARIABLES}: boom`);
  });
});
