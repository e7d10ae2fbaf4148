import { Module } from '@nestjs/common';

/**
 * Holds the queue options (the caller's `forRoot` value or `forRootAsync` factory, and their checked
 * form) in a module of their own, so both `ZixflowQueueModule` and `@nestjs/bullmq`'s queue
 * registration can import them and the options factory runs once. Internal.
 */
@Module({})
export class ZixflowQueueOptionsModule {}
