import { sandboxBanner } from './sandbox-mode.banner';

describe('sandboxBanner', () => {
  it('prints the inbox link on a line of its own', () => {
    const lines = sandboxBanner(3000, { url: 'http://127.0.0.1:41235', inboxUrl: 'http://127.0.0.1:41235/' }).split(
      '\n',
    );

    expect(lines).toContain('Inbox: http://127.0.0.1:41235/');
    expect(lines).toContain(
      'ZIXFLOW_API_KEY is not set: messages go to an embedded Zixflow sandbox at http://127.0.0.1:41235.',
    );
    expect(lines).toContain('API page:        http://localhost:3000/docs');
  });

  it('leaves the inbox out when the sandbox serves none', () => {
    expect(sandboxBanner(3000, { url: 'http://127.0.0.1:41235', inboxUrl: undefined })).not.toContain('Inbox:');
  });
});
