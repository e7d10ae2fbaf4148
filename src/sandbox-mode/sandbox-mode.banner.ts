import { ZIXFLOW_WEBHOOKS_DEFAULT_PATH } from '../zixflow/webhooks';

/** What the banner needs to know about the embedded sandbox. */
export interface BannerSandbox {
  url: string;
  inboxUrl: string | undefined;
}

/**
 * The start-up banner of sandbox mode: where messages go, the inbox link on a line of its own (so
 * terminals make it clickable and scripts can find it), and commands that work as printed.
 */
export function sandboxBanner(port: number, sandbox: BannerSandbox): string {
  const base = `http://localhost:${port}`;
  const asCustomer = (body: string): string =>
    `  curl -s -X POST ${base}/sandbox/incoming -H 'content-type: application/json' -d '${body}'`;
  const inbox =
    sandbox.inboxUrl === undefined
      ? []
      : ['Chat with the support bot in your browser, as a customer (say "hi"):', `Inbox: ${sandbox.inboxUrl}`];
  return [
    '',
    '==================== SANDBOX MODE ====================',
    `ZIXFLOW_API_KEY is not set: messages go to an embedded Zixflow sandbox at ${sandbox.url}.`,
    'Nothing leaves this machine. Set ZIXFLOW_API_KEY and ZIXFLOW_PHONE_ID to use the real API.',
    ...inbox,
    `API page:        ${base}/docs`,
    `Sent messages:   ${base}/sandbox/messages`,
    'Try:',
    `  curl -s -X POST ${base}/messages/video -H 'content-type: application/json' -d '{"to":"+1 302 389 5111","video":{"link":"https://cdn.example.com/welcome.mp4","caption":"Welcome!"}}'`,
    `  curl -s -X POST ${base}/orders/1001/ship`,
    'Chat with the support bot as customer +1 302 389 5111 (its answers appear in /sandbox/messages):',
    asCustomer('{"from":"+1 302 389 5111","text":"hi"}'),
    asCustomer('{"from":"+1 302 389 5111","buttonId":"track"}'),
    asCustomer('{"from":"+1 302 389 5111","text":"1001"}'),
    'Delivery reports: start with ZIXFLOW_WEBHOOK_SECRET=<secret of 16+ characters> and add',
    `  "reportURL":"${base}/${ZIXFLOW_WEBHOOKS_DEFAULT_PATH}/reports?token=<secret>" to a send; the reports are logged.`,
    '=======================================================',
  ].join('\n');
}
