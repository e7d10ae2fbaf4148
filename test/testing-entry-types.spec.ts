import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * `nestjs-zixflow/testing` is for apps that may have neither `@nestjs/event-emitter` (an optional
 * peer) nor `@nestjs/testing`: its published types must not name them. Emits the
 * declarations of the testing entry, as `npm run build` does, and follows every import of
 * `testing/index.d.ts` through the library's own `.d.ts` files.
 */
jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');
const ENTRY = join(ROOT, 'src', 'zixflow', 'testing', 'index.ts');

function emitDeclarations(): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.build.json could not be read');
  const options = { ...config.options, declaration: true, emitDeclarationOnly: true, outDir: join(ROOT, 'dist') };
  const files = new Map<string, string>();
  ts.createProgram([ENTRY], options).emit(undefined, (file, text) => files.set(resolve(file), text));
  return files;
}

/** Module names each reachable declaration file imports, following the relative ones. */
function reachableImports(files: Map<string, string>, start: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`No declaration emitted for ${file}`);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2021);
    const specifiers: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        specifiers.push((node.argument.literal as ts.StringLiteral).text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const base = resolve(dirname(file), specifier);
      const next = [`${base}.d.ts`, join(base, 'index.d.ts')].find((candidate) => files.has(candidate));
      if (next === undefined) throw new Error(`${file} imports ${specifier}, which has no emitted declaration`);
      queue.push(next);
    }
  }
  return { packages, files: seen };
}

describe('the types of nestjs-zixflow/testing', () => {
  it('name neither @nestjs/event-emitter nor @nestjs/testing (loaded when a testbed or testing module is created)', () => {
    const files = emitDeclarations();
    const { packages, files: reached } = reachableImports(
      files,
      join(ROOT, 'dist', 'zixflow', 'testing', 'index.d.ts'),
    );

    expect([...packages].filter((name) => /event-emitter|@nestjs\/testing/.test(name))).toEqual([]);
    const library = [...reached].map((file) => file.slice(join(ROOT, 'dist', 'zixflow').length + 1));
    expect(library).toEqual(
      expect.arrayContaining(['testing/testbed/zixflow-testing.module.d.ts', 'testing/testbed/zixflow-testing.d.ts']),
    );
  });
});
