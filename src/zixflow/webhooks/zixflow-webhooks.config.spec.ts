import { resolveZixflowWebhooksOptions } from './zixflow-webhooks-options.schema';
import { zixflowWebhooksConfig } from './zixflow-webhooks.config';

describe('zixflowWebhooksConfig', () => {
  const saved = process.env.ZIXFLOW_WEBHOOK_SECRET;

  afterEach(() => {
    if (saved === undefined) delete process.env.ZIXFLOW_WEBHOOK_SECRET;
    else process.env.ZIXFLOW_WEBHOOK_SECRET = saved;
  });

  it('is registered under the zixflowWebhooks namespace', () => {
    expect(zixflowWebhooksConfig.KEY).toBe('CONFIGURATION(zixflowWebhooks)');
  });

  it('reads ZIXFLOW_WEBHOOK_SECRET when called, trimming a pasted newline', () => {
    process.env.ZIXFLOW_WEBHOOK_SECRET = 'whsec_0123456789abcdef\n';
    expect(zixflowWebhooksConfig()).toEqual({ secret: 'whsec_0123456789abcdef' });
  });

  it('passes an unset secret on empty, so the module refuses to start by naming the variable', () => {
    delete process.env.ZIXFLOW_WEBHOOK_SECRET;
    expect(zixflowWebhooksConfig()).toEqual({ secret: '' });
    expect(() => resolveZixflowWebhooksOptions(zixflowWebhooksConfig())).toThrow(/ZIXFLOW_WEBHOOK_SECRET/);
  });

  it('provides itself to forRootAsync through asProvider()', () => {
    const provider = zixflowWebhooksConfig.asProvider();
    expect(provider.inject).toEqual([zixflowWebhooksConfig.KEY]);
  });
});
