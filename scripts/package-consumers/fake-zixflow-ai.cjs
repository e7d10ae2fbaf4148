'use strict';
// The consumer's own fake of the Zixflow AI API, written from the API notes alone (it shares nothing
// with the package, not even its sandbox): it records every request, answers each send as §3.0
// documents ({ success, message, request_id }), the accounts list as §3.16, an unknown delivery
// report with a 404 (§3.19), and after each send with a post_back_url posts one §4.1 post-back
// there, its message_id a bare JSON number above 2^53. It listens and calls on 127.0.0.1 only.
const { createServer, request: httpRequest } = require('node:http');
const { randomUUID } = require('node:crypto');

/** Starts the fake; `apiKey` and `workspaceId` are the credentials it accepts. */
async function startFakeZixflowAi({ apiKey, workspaceId }) {
  const requests = [];
  const postBacks = [];
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const record = {
        method: req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(record);
      const answer = (status, payload) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (req.headers['x-api-key'] !== apiKey || req.headers['x-workspace-id'] !== workspaceId) {
        return answer(401, { success: false, message: 'Unauthorized' });
      }
      if (req.method === 'GET' && url.pathname === '/api/data/whatsapp/v1/accounts') {
        return answer(200, {
          success: true,
          message: 'Successfully fetched WhatsApp accounts',
          data: [
            {
              phone_id: 'consumer-phone',
              waba_id: '987654321',
              display_phone_number: '+1 234 567 8900',
              verified_name: 'Consumer',
              quality_rating: 'GREEN',
              daily_limit: 1000,
            },
          ],
        });
      }
      if (req.method === 'GET' && url.pathname === '/api/data/messages/v1/delivery-report') {
        return answer(404, { success: false, message: 'Delivery report not found' });
      }
      if (req.method !== 'POST' || !url.pathname.startsWith('/api/ingest/whatsapp/v1/')) {
        return answer(404, { success: false, message: 'Not found' });
      }
      const requestId = randomUUID();
      record.requestId = requestId;
      answer(200, { success: true, message: 'WhatsApp request queued successfully', request_id: requestId });
      const target = record.body && record.body.post_back_url;
      if (typeof target === 'string') {
        counter += 1;
        const messageId = `60413258149081${String(1000 + counter)}`;
        postBacks.push(postBack(target, requestId, messageId, record.body, workspaceId));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    /** Resolves with the answers of every post-back posted so far. */
    postBacksSettled: () => Promise.all(postBacks),
    clear: () => {
      requests.length = 0;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One post-back as §4.1 shows it, `message_id` spliced in as digits so no JSON encoder rounds it. */
function postBack(target, requestId, messageId, body, workspaceId) {
  const fields = {
    workspace_id: workspaceId,
    type: 'delivery_status',
    message_id: 0,
    request_id: requestId,
    channel: 'whatsapp',
    recipient: body.recipient,
    status: 'delivered',
    remark: '',
    status_at: '2026-01-28T17:17:59.254174911Z',
    ...(body.post_back_data === undefined ? {} : { post_back_data: body.post_back_data }),
  };
  const json = JSON.stringify(fields).replace('"message_id":0', `"message_id":${messageId}`);
  const url = new URL(target);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`not a loopback post_back_url: ${target}`));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, messageId, requestId }));
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

module.exports = { startFakeZixflowAi };
