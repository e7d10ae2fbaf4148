import { ZixflowApiError } from '../../../core/errors/zixflow-api.error';
import { ZixflowHttpAnswer, mapZixflowAnswer } from './zixflow-response.mapper';

/** Fixtures and helpers shared by the zixflow-response.mapper.*.spec.ts files. */

export const ENDPOINT = '/api/v1/campaign/whatsapp/message/send';
export const SECRET = 'secret-key-123';

export function answer(status: number, data: unknown, headers: Record<string, unknown> = {}): ZixflowHttpAnswer {
  return { status, headers, data };
}

/** Runs the mapper and returns what it threw; fails the test when it resolved instead. */
export function mapError(input: ZixflowHttpAnswer): ZixflowApiError {
  let result: unknown;
  try {
    result = mapZixflowAnswer(input, ENDPOINT, SECRET);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowApiError);
    return error as ZixflowApiError;
  }
  throw new Error(`expected mapZixflowAnswer to throw, it returned ${JSON.stringify(result)}`);
}
