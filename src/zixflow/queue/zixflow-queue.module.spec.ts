import { getQueueToken } from '@nestjs/bullmq';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { getZixflowQueueToken } from './zixflow-queue.tokens';
import { ZixflowQueueModule } from './zixflow-queue.module';

describe('ZixflowQueueModule', () => {
  it.each(['a:b', '', 'x'.repeat(101), 'with space'])('refuses queueName %j when the module is built', (queueName) => {
    expect(() => ZixflowQueueModule.forRoot({ connection: 'redis://127.0.0.1:6379', queueName })).toThrow(
      ZixflowConfigurationError,
    );
  });

  it('is global only when asked', () => {
    expect(ZixflowQueueModule.forRoot({ connection: 'redis://127.0.0.1:6379' }).global).toBe(false);
    expect(ZixflowQueueModule.forRootAsync({ useFactory: () => ({ connection: '' }), isGlobal: true }).global).toBe(
      true,
    );
  });

  it('exposes the queue under @nestjs/bullmq’s token for its name', () => {
    expect(getZixflowQueueToken()).toBe(getQueueToken('zixflow-whatsapp'));
    expect(getZixflowQueueToken('campaigns')).toBe(getQueueToken('campaigns'));
  });
});
