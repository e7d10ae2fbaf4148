import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { transpileBrowserModule } from './inbox-page.transpiler';

/*
 * The inbox page's files, read from disk beside this module: `page/` holds inbox.html, the
 * stylesheets and the icon, in src and (copied by nest-cli's assets) in dist alike. The page's
 * script is TypeScript in `browser/` and `shared/`; `npm run build` compiles it to
 * `page/browser/*.js` and `page/shared/*.js`, and when the sandbox runs from its sources it is
 * transpiled on request instead (see inbox-page.transpiler.ts). Either way every file is read once
 * per process and then served from memory.
 */

/** One file of the page, ready to send. */
export interface InboxPageFile {
  contentType: string;
  body: Buffer;
}

/** Where the browser finds the page's files; inbox.html refers to them by these paths. */
export const INBOX_PAGE_PREFIX = '/inbox/page/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The names the page may ask for: a plain file in `page/`, or a script module of `browser/` or
 * `shared/`. Nothing else on disk (no `..`, no dot-files, no specs or tsconfig) can be reached.
 */
const PAGE_FILE = /^(?:(browser|shared)\/)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)\.(html|css|svg|js)$/;

const PAGE_DIR = join(__dirname, 'page');
/** Under ts-jest or ts-node this module is itself a .ts file, and the page's script is not compiled. */
const FROM_SOURCES = __filename.endsWith('.ts');

const cache = new Map<string, InboxPageFile>();

/**
 * A file of the page by its path under {@link INBOX_PAGE_PREFIX}, e.g. `inbox-base.css` or
 * `browser/inbox.js`; undefined when the page has no such file. Only found files are cached, so
 * requests for made-up names cannot grow the cache.
 */
export async function inboxPageFile(relative: string): Promise<InboxPageFile | undefined> {
  const cached = cache.get(relative);
  if (cached !== undefined) return cached;
  const body = await readPageFile(relative);
  if (body === undefined) return undefined;
  const file = { contentType: CONTENT_TYPES[extname(relative)], body };
  cache.set(relative, file);
  return file;
}

async function readPageFile(relative: string): Promise<Buffer | undefined> {
  const match = PAGE_FILE.exec(relative);
  if (match === null || relative.includes('.spec.')) return undefined;
  const [, folder, name, extension] = match;
  if (folder === undefined) return extension === 'js' ? undefined : readIfPresent(join(PAGE_DIR, relative));
  if (extension !== 'js') return undefined;
  if (FROM_SOURCES) {
    const source = join(__dirname, folder, `${name}.ts`);
    return existsSync(source) ? Buffer.from(await transpileBrowserModule(source)) : undefined;
  }
  if (!existsSync(join(PAGE_DIR, 'browser'))) {
    // A build that skipped the page's compile would otherwise show a blank page and no reason.
    throw new Error(`the inbox page's script was not built into ${PAGE_DIR}: run npm run build`);
  }
  return readIfPresent(join(PAGE_DIR, relative));
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  return existsSync(file) ? readFile(file) : undefined;
}
