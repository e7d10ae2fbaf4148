import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CompilerOptions } from 'typescript';

/*
 * Only used when the sandbox runs from its TypeScript sources (ts-jest, ts-node): the page's
 * browser modules then have no compiled JavaScript beside them, so each is transpiled the first time
 * the browser asks for it. This keeps `npm ci && npm test` (and `npx jest` on one file) working with
 * no build step and never serves a stale build; the built package never comes here, it serves the
 * files `npm run build` compiled. Type errors are `npm run typecheck`'s job, not this one's.
 */

/** The page's own tsconfig, so a module transpiles here exactly as `npm run build` compiles it. */
const BROWSER_TSCONFIG = join(__dirname, 'browser', 'tsconfig.json');

type TypeScript = typeof import('typescript');

let compiler: Promise<{ ts: TypeScript; options: CompilerOptions }> | undefined;

/** The JavaScript the browser gets for one of the page's TypeScript modules. */
export async function transpileBrowserModule(sourceFile: string): Promise<string> {
  const { ts, options } = await (compiler ??= loadCompiler());
  const source = await readFile(sourceFile, 'utf8');
  const output = ts.transpileModule(source, {
    compilerOptions: options,
    fileName: sourceFile,
    reportDiagnostics: true,
  });
  const problems = output.diagnostics ?? [];
  if (problems.length > 0) {
    const text = problems.map((problem) => ts.flattenDiagnosticMessageText(problem.messageText, '\n')).join('; ');
    throw new Error(`inbox page: ${sourceFile} does not compile: ${text}`);
  }
  return output.outputText;
}

async function loadCompiler(): Promise<{ ts: TypeScript; options: CompilerOptions }> {
  // Loaded lazily: TypeScript is a development dependency, present wherever the sources are run.
  const ts = await import('typescript');
  const read = ts.readConfigFile(BROWSER_TSCONFIG, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) {
    throw new Error(
      `inbox page: cannot read ${BROWSER_TSCONFIG}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`,
    );
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(BROWSER_TSCONFIG));
  return { ts, options: parsed.options };
}
