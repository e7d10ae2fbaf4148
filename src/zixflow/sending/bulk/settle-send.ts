import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZixflowSendOutcome } from '../messages/zixflow-message.types';

/**
 * Runs one send and turns its outcome into a value, so one failed message does not stop a bulk
 * send. Only the library's own errors are settled: anything else is a bug and still rejects.
 */
export async function settleSend(send: () => Promise<ZixflowSendResult>): Promise<ZixflowSendOutcome> {
  try {
    return { ok: true, result: await send() };
  } catch (error) {
    if (error instanceof ZixflowError) {
      return { ok: false, error };
    }
    throw error;
  }
}
