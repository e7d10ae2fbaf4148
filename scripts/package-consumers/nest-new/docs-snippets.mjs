// Writes every ```ts snippet of the README and the docs pages into a consumer's src/snippets/,
// one folder per page, so they compile (and the jest ones run) as a user's code would. A snippet
// whose first line is `// name.ts` gets that name, so snippets that import each other
// (`./booking.bot`) work; one that imports from '@jest/globals' is a test and named *.spec.ts.
// A `main.ts` snippet imports the reader's own `./app.module`: where no snippet of the page is that
// file, an empty `AppModule` stands in for it, as `nest new` makes one.
// For the ESM app that NestJS 12's `nest new` makes (tested with Vitest), `{ esm: true }` makes the
// two changes that docs/testing.md and the README's Compatibility tell readers to make: relative
// imports end in `.js`, and the test functions come from 'vitest' (`vi` for `jest`). Nothing else of
// a snippet is changed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const FENCE = /```ts\n([\s\S]*?)```/g;
const APP_MODULE = "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class AppModule {}\n";

/** Pages of the package: the README and docs/*.md (the generated API reference has no snippets). */
function pages(root) {
  const docs = readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(root, 'docs', file));
  return [join(root, 'README.md'), ...docs];
}

function fileNameOf(snippet, index) {
  const named = /^\/\/ ([\w.-]+\.ts)\s*\n/.exec(snippet);
  if (named) return named[1].replace(/\.e2e-spec\.ts$/, '.e2e.spec.ts');
  return snippet.includes("from '@jest/globals'") ? `snippet-${index}.spec.ts` : `snippet-${index}.ts`;
}

/** A snippet as written for the ESM app of NestJS 12's `nest new`: `.js` on relative imports, Vitest for Jest. */
export function toEsmVitest(snippet) {
  return snippet
    .replace(/(from '\.{1,2}\/[^']+?)(?<!\.js)'/g, "$1.js'")
    .replace(/^import \{([^}]*)\} from '@jest\/globals';$/m, (_, names) => {
      const renamed = names.replace(/\bjest\b/, 'vi');
      return `import {${renamed}} from 'vitest';`;
    })
    .replace(/\bjest\.(?=\w)/g, 'vi.');
}

/**
 * Writes the snippets under `dir`; returns how many there are and how many are tests.
 * `esm`: write them as for an ESM app tested with Vitest (see `toEsmVitest`).
 */
export function writeDocsSnippets(root, dir, { esm = false } = {}) {
  let snippets = 0;
  let tests = 0;
  for (const page of pages(root)) {
    const folder = join(
      dir,
      basename(page, '.md')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-'),
    );
    let index = 0;
    const names = [];
    for (const [, snippet] of readFileSync(page, 'utf8').matchAll(FENCE)) {
      index += 1;
      mkdirSync(folder, { recursive: true });
      const name = fileNameOf(snippet, index);
      writeFileSync(join(folder, name), esm ? toEsmVitest(snippet) : snippet);
      names.push(name);
      snippets += 1;
      if (name.endsWith('.spec.ts')) tests += 1;
      if (snippet.includes("from './app.module'") && !names.includes('app.module.ts')) {
        writeFileSync(join(folder, 'app.module.ts'), APP_MODULE);
      }
    }
  }
  return { snippets, tests };
}
