import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/*
 * The inbox page's security rules are ESLint rules on its files (eslint.config.mjs), not substring
 * tests: this runs ESLint with the real config on probe code, as if it were one of the page's
 * files, and checks that every forbidden construct is refused and that what the page needs is not.
 * ESLint runs in a child process because jest cannot load the ES-module config file.
 */

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '..');
/** Real files, so the type-aware rules have a project; ESLint lints the probe text in their place. */
const BROWSER_FILE = 'src/zixflow/testing/inbox/browser/inbox-format.ts';
const SHARED_FILE = 'src/zixflow/testing/inbox/shared/http-href.ts';

const FORBIDDEN = [
  "node.innerHTML = '<b>x</b>';",
  "node.outerHTML = '<b>x</b>';",
  "node.insertAdjacentHTML('beforeend', '<b>x</b>');",
  "document.write('<b>x</b>');",
  "new DOMParser().parseFromString('<b>x</b>', 'text/html');",
  'node.onclick = () => undefined;',
  "node.setAttribute('onclick', 'run()');",
  "node.setAttribute('href', 'javascript:alert(1)');",
  "node.setAttribute('style', 'color: red');",
  "link.href = 'https://example.com';",
  "node.style.color = 'red';",
  "document.createElement('script');",
  "document.createElement('img');",
  "document.createElement('style');",
  "void fetch('https://elsewhere.example/api');",
  'void fetch(`//elsewhere.example/${1}`);',
  "eval('1');",
  "setTimeout('run()', 1);",
  "new Function('return 1');",
  "void import('./inbox-dom.js');",
];

const ALLOWED = [
  "node.textContent = '<b>x</b>';",
  "node.setAttribute('aria-label', 'Send');",
  "node.className = 'row';",
  "node.addEventListener('click', () => undefined);",
  "document.createElement('div');",
  "document.createElementNS('http://www.w3.org/2000/svg', 'svg');",
  "void fetch('/inbox/api/conversations');",
];

const HEADER = [
  "import { make } from './inbox-dom.js';",
  "import type { InboxChat } from './inbox-state.js';",
  "const node = make('div');",
  "const link = make('a');",
  'export type Probe = InboxChat;',
];

/** The rules eslint.config.mjs sets for the page's files; a probe may break more than one. */
const SECURITY_RULES =
  /^(no-restricted-(syntax|properties)|no-eval|no-new-func|no-script-url|@typescript-eslint\/no-implied-eval)$/;

interface LintMessage {
  line: number;
  ruleId: string | null;
  message: string;
}

/** Lints each probe as the given file with the repository's ESLint config, in one child process. */
function lint(probes: Array<{ file: string; code: string }>): LintMessage[][] {
  const script = `
    import { ESLint } from 'eslint';
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
    const results = [];
    for (const probe of probes) {
      const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
      results.push(result.messages.map(({ line, ruleId, message }) => ({ line, ruleId, message })));
    }
    process.stdout.write(JSON.stringify(results));
  `;
  const input = JSON.stringify(probes.map((probe) => ({ ...probe, file: path.join(root, probe.file) })));
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, input], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(output) as LintMessage[][];
}

describe('lint: the inbox page never turns message content into markup, code, style or a live link', () => {
  let browserResult: LintMessage[];
  let sharedResult: LintMessage[];

  beforeAll(() => {
    [browserResult, sharedResult] = lint([
      { file: BROWSER_FILE, code: [...HEADER, ...FORBIDDEN, ...ALLOWED, ''].join('\n') },
      { file: SHARED_FILE, code: 'export const where = process.cwd() + __dirname;\n' },
    ]);
  });

  it.each(FORBIDDEN.map((code, index) => [code, HEADER.length + index + 1] as const))('refuses %s', (_code, line) => {
    const rules = browserResult.filter((message) => message.line === line).map((message) => message.ruleId);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toMatch(SECURITY_RULES);
  });

  it('allows what the page needs: text, classes, aria, listeners, layout elements, icons, its own API, typed imports', () => {
    const firstAllowed = HEADER.length + FORBIDDEN.length + 1;
    expect(browserResult.filter((message) => message.line <= HEADER.length || message.line >= firstAllowed)).toEqual(
      [],
    );
  });

  it('refuses Node globals in the modules the page shares with the sandbox', () => {
    expect(sharedResult.map((message) => [message.ruleId, message.message])).toEqual([
      ['no-restricted-globals', expect.stringContaining("'process'")],
      ['no-restricted-globals', expect.stringContaining("'__dirname'")],
    ]);
  });
});
