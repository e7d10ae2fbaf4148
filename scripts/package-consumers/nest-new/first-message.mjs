// The README's first app, as a reader of the docs builds it in a `nest new` app: the "Use it in your
// app" module (its controller, ValidationPipe and ZixflowExceptionFilter) and docs/sandbox.md's
// one-line sandbox `main.ts`, both taken from the docs as written. The app is built with the
// consumer's own tsconfig, started with no ZIXFLOW_API_KEY, sent a first video through its
// controller, and the inbox must then show that video: the path a new user takes, run in CI.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { toEsmVitest } from './docs-snippets.mjs';

const FENCE = /```ts\n([\s\S]*?)```/g;
const VIDEO_LINK = 'https://cdn.example.com/first-message.mp4';

/** The first ```ts snippet of `page` that holds every one of `marks`. */
function snippetWith(page, marks) {
  for (const [, snippet] of readFileSync(page, 'utf8').matchAll(FENCE)) {
    if (marks.every((mark) => snippet.includes(mark))) return snippet;
  }
  throw new Error(`no snippet of ${page} holds ${marks.join(' and ')}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the first match of `pattern` in what the process printed, or rejects after `ms`. */
function waitForOutput(child, pattern, ms, output) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${ms} ms; the app printed:\n${output()}`)),
      ms,
    );
    const check = () => {
      const found = pattern.exec(output());
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before printing ${pattern}:\n${output()}`));
    });
    check();
  });
}

/** POSTs until the app listens (it starts the sandbox first), then returns the answer. */
async function postWhenListening(url, body, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Writes the two files into `<dir>/src/first-message/`, builds the consumer with its tsconfig (`tsc`
 * emitting into its `outDir`), runs the app and checks the inbox. `entry` is where the build puts
 * the compiled main (it depends on the tsconfig's rootDir). Returns a line for the report.
 */
export async function firstMessageInSandbox({ root, dir, esm, tsc, entry }) {
  const folder = join(dir, 'src', 'first-message');
  mkdirSync(folder, { recursive: true });
  const asWritten = (snippet) => (esm ? toEsmVitest(snippet) : snippet);
  const appModule = snippetWith(join(root, 'README.md'), ["@Post('video')", 'ZixflowExceptionFilter']);
  const main = snippetWith(join(root, 'docs', 'sandbox.md'), ['ZixflowSandboxMode.start()', 'NestFactory.create']);
  writeFileSync(join(folder, 'app.module.ts'), asWritten(appModule));
  writeFileSync(join(folder, 'main.ts'), asWritten(main));
  tsc();

  const port = await freePort();
  const env = { ...process.env, PORT: String(port), ZIXFLOW_API_KEY: '' };
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [join(dir, entry)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (printed += chunk));
  try {
    const [, inboxUrl] = await waitForOutput(child, /Inbox: (http:\/\/127\.0\.0\.1:\d+\/?)/, 30_000, () => printed);
    const body = JSON.stringify({ to: '+1 302 389 5111', video: { link: VIDEO_LINK } });
    const answer = await postWhenListening(`http://127.0.0.1:${port}/messages/video`, body, 30_000);
    if (answer.status !== 201)
      throw new Error(`POST /messages/video answered ${answer.status}: ${await answer.text()}`);
    const refused = await postWhenListening(`http://127.0.0.1:${port}/messages/video`, '{"to":"0301 234567"}', 5_000);
    if (refused.status !== 400) throw new Error(`a bad body answered ${refused.status}, not 400`);
    const inbox = await fetch(new URL('/inbox/api/conversations', inboxUrl));
    const conversations = await inbox.text();
    if (!inbox.ok || !conversations.includes(VIDEO_LINK)) {
      throw new Error(`the inbox does not show the video (${inbox.status}): ${conversations.slice(0, 500)}`);
    }
    return `the README's app with the one-line sandbox sent a first video (201), refused a bad body (400), and the inbox shows it`;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
}
