import { ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY } from './bulk.constants';
import { ZixflowSendManyOptions } from '../messages/zixflow-message.types';

/** The checked `concurrency` of a bulk send; a bad value is a programming error (RangeError). */
export function sendManyConcurrency(options: ZixflowSendManyOptions): number {
  const concurrency = options.concurrency ?? ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`sendMany: concurrency must be a whole number of 1 or more (got ${String(concurrency)})`);
  }
  return concurrency;
}
