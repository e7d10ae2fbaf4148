import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ZixflowHealthIndicator } from './zixflow-health.indicator';

/**
 * Provides {@link ZixflowHealthIndicator} for `@nestjs/terminus`. Import it next to
 * `TerminusModule` in the module of your health controller; it finds the Zixflow service, the Redis
 * connection and the webhook routes wherever the app registered them.
 */
@Module({
  imports: [TerminusModule],
  providers: [ZixflowHealthIndicator],
  exports: [ZixflowHealthIndicator],
})
export class ZixflowHealthModule {}
