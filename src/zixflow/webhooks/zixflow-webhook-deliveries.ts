import { Injectable } from '@nestjs/common';

/** Which webhook route a delivery came in on. */
export type ZixflowWebhookRoute = 'incoming' | 'reports' | 'postbacks';

/**
 * When this instance last received a webhook from Zixflow successfully: an authenticated,
 * well-formed body that the route answered 200 (repeated deliveries and ignored event types
 * included; a 401, 400, 413 or 503 is not a success). Kept in memory per instance, for health checks
 * (`ZixflowHealthIndicator.isWebhookReceiving` in `nestjs-zixflow/health`) and dashboards. Inject it
 * from any module of an app that registers `ZixflowWebhooksModule`.
 */
@Injectable()
export class ZixflowWebhookDeliveries {
  /** When the webhooks module started: the reference point before the first delivery. */
  readonly startedAt = new Date();
  /** Epoch milliseconds: a number per delivery, and a Date only when someone asks. */
  private readonly last = new Map<ZixflowWebhookRoute, number>();

  /** Records a successful delivery on `route`; called by the webhook routes once they answer 200. */
  record(route: ZixflowWebhookRoute, at?: Date): void {
    this.last.set(route, at === undefined ? Date.now() : at.getTime());
  }

  /** The last successful delivery on any route, or on `route`; undefined when none came yet. */
  lastDeliveryAt(route?: ZixflowWebhookRoute): Date | undefined {
    let latest: number | undefined;
    if (route !== undefined) latest = this.last.get(route);
    else for (const at of this.last.values()) if (latest === undefined || at > latest) latest = at;
    return latest === undefined ? undefined : new Date(latest);
  }
}
