import { ownIncomingUrl } from './sandbox-app.connector';

describe('ownIncomingUrl', () => {
  it.each([
    [{ address: '127.0.0.1', family: 'IPv4', port: 3000 }, 'http://127.0.0.1:3000/zixflow/webhooks/incoming'],
    [{ address: '::', family: 'IPv6', port: 3000 }, 'http://127.0.0.1:3000/zixflow/webhooks/incoming'],
    [{ address: '0.0.0.0', family: 'IPv4', port: 8080 }, 'http://127.0.0.1:8080/zixflow/webhooks/incoming'],
    [{ address: '::1', family: 'IPv6', port: 3000 }, 'http://[::1]:3000/zixflow/webhooks/incoming'],
  ])('reaches an app listening on %j through loopback', (address, url) => {
    expect(ownIncomingUrl(address)).toBe(url);
  });

  it.each([[{ address: '192.168.1.5', family: 'IPv4', port: 3000 }], ['/tmp/app.sock'], [null]])(
    'gives up on %j, which the sandbox may not call',
    (address) => {
      expect(ownIncomingUrl(address)).toBeUndefined();
    },
  );
});
