/**
 * `nestjs-zixflow/health`: `@nestjs/terminus` checks for Zixflow (the key works), Redis (when the
 * app uses it) and the webhook routes (their last successful delivery). A separate entry point
 * because it needs `@nestjs/terminus`, which apps without health checks do not have to install.
 * @packageDocumentation
 */
export { ZixflowHealthModule } from './zixflow-health.module';
export { ZixflowHealthIndicator } from './zixflow-health.indicator';
export type {
  ZixflowReachableCheckOptions,
  ZixflowRedisCheckOptions,
  ZixflowWebhookCheckOptions,
} from './zixflow-health-checks.interface';
export { ZIXFLOW_HEALTH_KEYS, ZIXFLOW_HEALTH_PROBE_TEMPLATE } from './zixflow-health.constants';
