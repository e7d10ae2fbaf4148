import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZixflowSandbox } from '../zixflow/testing';
import { ZIXFLOW_WEBHOOKS_DEFAULT_PATH, zixflowWebhooksConfig } from '../zixflow/webhooks';
import { SANDBOX } from './sandbox-mode.constants';

/**
 * Tells the embedded sandbox where this app receives customer messages, once the app listens (its
 * port is only known then, and may be 0 in tests), so the sandbox's inbox page can write to the
 * support bot as a customer.
 */
@Injectable()
export class SandboxAppConnector implements OnApplicationBootstrap {
  private readonly logger = new Logger('SandboxMode');

  constructor(
    @Inject(SANDBOX) private readonly sandbox: ZixflowSandbox,
    @Inject(zixflowWebhooksConfig.KEY) private readonly webhooks: ConfigType<typeof zixflowWebhooksConfig>,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Waits for the HTTP server to listen; an app that is only initialised (never listens) is never connected. */
  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server === undefined || !this.webhooks.secret) return;
    server.once('listening', () => this.connect(server.address()));
  }

  private connect(address: AddressInfo | string | null): void {
    const incomingUrl = ownIncomingUrl(address);
    if (incomingUrl === undefined) {
      this.logger.warn('The inbox cannot write to the app: it does not listen on a loopback address');
      return;
    }
    this.sandbox.connectApp({ incomingUrl, secret: this.webhooks.secret });
  }
}

/**
 * The app's incoming webhook as the sandbox can reach it: through 127.0.0.1 when the app listens on
 * all interfaces or on 127.0.0.1, through [::1] when it listens there; undefined otherwise (the
 * sandbox only ever calls loopback addresses).
 */
export function ownIncomingUrl(address: AddressInfo | string | null): string | undefined {
  if (address === null || typeof address === 'string') return undefined;
  const host = loopbackHostFor(address.address);
  return host === undefined ? undefined : `http://${host}:${address.port}/${ZIXFLOW_WEBHOOKS_DEFAULT_PATH}/incoming`;
}

function loopbackHostFor(address: string): string | undefined {
  if (address === '::1') return '[::1]';
  if (address === '::' || address === '0.0.0.0' || address === '127.0.0.1' || address === '::ffff:127.0.0.1')
    return '127.0.0.1';
  return undefined;
}
