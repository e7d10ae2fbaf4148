#!/usr/bin/env node
// Package proof: build, `npm pack`, check the tarball's file list, then install the tarball into fresh
// consumer projects in a temporary folder and run the same scenario in each:
//   (a) CommonJS TypeScript on NestJS 11, (b) ESM on NestJS 11, (c) ESM on NestJS 12;
// then (d, e) apps made as `nest new` makes them on NestJS 11 (CommonJS, Jest) and 12 (ESM, Vitest),
// with the README's install commands, every docs snippet compiled and the snippets that are tests run.
// The scenario sends every kind on the campaign API to the package's sandbox (bodies as before, the AI
// API's own kinds refused), then on the AI API to the consumer's own fake server (exact bodies and
// headers, requestId, post-backs back as delivery-report events through the webhooks module).
// Consumer dependencies come from the registry at the versions in our lock file (npm's cache makes
// this work offline after `npm ci`). Only 127.0.0.1 is contacted by the scenario itself.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocsSnippets } from './package-consumers/nest-new/docs-snippets.mjs';
import { firstMessageInSandbox } from './package-consumers/nest-new/first-message.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = join(root, 'scripts', 'package-consumers');
const work = mkdtempSync(join(tmpdir(), 'zixflow-package-'));
const keep = process.env.KEEP_PACKAGE_TMP === '1';

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function lockedVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function buildAndPack() {
  // `npm pack` runs the prepack script, which builds.
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  return join(work, packed.filename);
}

/**
 * The sandbox inbox's page as the package must ship it: its html, css and svg as they are, and a
 * compiled .js for every browser module (browser/) and module it shares with the sandbox (shared/).
 * Read from the sources, so a new page file cannot be forgotten here.
 */
function inboxPageFiles() {
  const source = join(root, 'src', 'zixflow', 'testing', 'inbox');
  const page = 'dist/zixflow/testing/inbox/page';
  const modules = (folder) =>
    readdirSync(join(source, folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => `${page}/${folder}/${file.replace(/\.ts$/, '.js')}`);
  const assets = readdirSync(join(source, 'page')).map((file) => `${page}/${file}`);
  return [...assets, ...modules('browser'), ...modules('shared')];
}

/** The tarball holds the built library and its inbox page, its types, docs, README, LICENSE and package.json: nothing else. */
function checkTarballFiles(tarball) {
  const files = run('tar', ['-tzf', tarball], work)
    .trim()
    .split('\n')
    .map((file) => file.replace(/^package\//, ''));
  const allowed =
    /^(package\.json|README\.md|LICENSE|docs\/[^/]+\.(md|png)|dist\/zixflow\/.+\.(js|d\.ts)|dist\/zixflow\/testing\/inbox\/page\/[^/]+\.(html|css|svg))$/;
  const unexpected = files.filter((file) => !allowed.test(file) || /\.spec\.|\/example\/|\.map$/.test(file));
  if (unexpected.length > 0) {
    throw new Error(`tarball holds files it should not: ${unexpected.join(', ')}`);
  }
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/zixflow/index.js',
    'dist/zixflow/index.d.ts',
    'dist/zixflow/testing/index.js',
    'dist/zixflow/testing/index.d.ts',
    'dist/zixflow/webhooks/index.js',
    'dist/zixflow/webhooks/index.d.ts',
    'dist/zixflow/queue/index.js',
    'dist/zixflow/queue/index.d.ts',
    ...inboxPageFiles(),
  ]) {
    if (!files.includes(required)) throw new Error(`tarball is missing ${required}`);
  }
  const sourceMapRefs = files
    .filter((file) => file.endsWith('.js'))
    .filter((file) => run('tar', ['-xzOf', tarball, `package/${file}`], work).includes('sourceMappingURL'));
  if (sourceMapRefs.length > 0)
    throw new Error(`files point at source maps that are not shipped: ${sourceMapRefs.join(', ')}`);
  console.log(`tarball: ${files.length} files, only the built library and inbox page, types, docs, README and LICENSE`);
  checkNoAnyInTypes(
    tarball,
    files.filter((file) => file.endsWith('.d.ts')),
  );
}

/** The public types are a contract: `any` in a published signature would switch off the caller's checks. */
function checkNoAnyInTypes(tarball, declarationFiles) {
  const offenders = declarationFiles.filter((file) => {
    const code = run('tar', ['-xzOf', tarball, `package/${file}`], work)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    return /(^|[^\w$.'"])any\b(?!['"])/m.test(code);
  });
  if (offenders.length > 0) throw new Error(`\`any\` in published declarations: ${offenders.join(', ')}`);
  console.log(`types: no \`any\` in ${declarationFiles.length} declaration files`);
}

const NEST11 = () => ({
  '@nestjs/common': lockedVersion('@nestjs/common'),
  '@nestjs/core': lockedVersion('@nestjs/core'),
  '@nestjs/config': lockedVersion('@nestjs/config'),
  '@nestjs/axios': lockedVersion('@nestjs/axios'),
  '@nestjs/platform-express': lockedVersion('@nestjs/platform-express'),
  // The webhooks module (post-backs) emits through it.
  '@nestjs/event-emitter': lockedVersion('@nestjs/event-emitter'),
});
const NEST12 = {
  '@nestjs/common': '12.5.1',
  '@nestjs/core': '12.5.1',
  '@nestjs/config': '12.0.1',
  '@nestjs/axios': '12.0.1',
  '@nestjs/platform-express': '12.5.1',
  '@nestjs/event-emitter': '12.0.1',
};
const SHARED = () => ({
  axios: lockedVersion('axios'),
  rxjs: lockedVersion('rxjs'),
  'reflect-metadata': lockedVersion('reflect-metadata'),
  'class-validator': lockedVersion('class-validator'),
  'class-transformer': lockedVersion('class-transformer'),
});

function createConsumer(name, tarball, { type, nest, devDependencies = {}, installFlags = [] }) {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const file of readdirSync(here).filter((name) => name.endsWith('.cjs'))) {
    cpSync(join(here, file), join(dir, file));
  }
  const manifest = {
    name,
    private: true,
    version: '1.0.0',
    type,
    dependencies: { 'nestjs-zixflow': `file:${tarball}`, ...nest, ...SHARED() },
    devDependencies,
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...installFlags], dir);
  return dir;
}

/** The README's install command for a NestJS major: the packages it names, the library itself left out. */
function readmeInstall(major) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const command = new RegExp(`# NestJS ${major}\\n(npm install [^\\n]+)`).exec(readme);
  if (!command) throw new Error(`README.md has no install command for NestJS ${major}`);
  return command[1]
    .split(/\s+/)
    .slice(2)
    .filter((spec) => spec !== 'nestjs-zixflow');
}

/** The README's optional packages for a major: every `npm install …` in that column of the table. */
function readmeOptionalInstall(major) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const header = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`NestJS ${major}`));
  const column = header.split('|').findIndex((cell) => cell.includes(`NestJS ${major}`));
  return readme
    .split('\n')
    .filter((line) => line.startsWith('|') && line.includes('npm install'))
    .flatMap((line) => /`npm install ([^`]+)`/.exec(line.split('|')[column])?.[1].split(/\s+/) ?? []);
}

/** Fails unless the installed package has the expected major. */
function checkMajor(dir, name, major) {
  const version = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  if (!version.startsWith(`${major}.`)) throw new Error(`${name} ${version} was installed, not ${major}.x`);
  return `${name}@${version}`;
}

/**
 * A consumer made like `nest new` on a NestJS major, then the README's install commands as written,
 * every docs snippet compiled, the snippets that are tests run with no key, and the README's app with
 * docs/sandbox.md's one-line sandbox started: its first video must show in the inbox (first-message.mjs).
 *   NestJS 11 (`@nestjs/cli@11`): CommonJS, its tsconfig (nest-new/), its jest config, ts-jest.
 *   NestJS 12 (`@nestjs/cli@12`, whose `nest new` makes the ESM app of `@nestjs/schematics@12`'s ts-esm
 *   template unless asked otherwise): `"type": "module"`, its tsconfig (strict, TypeScript 6) and
 *   vitest.config.ts (nest-new-12/), Vitest; the snippets as docs/testing.md says to write them there
 *   (`.js` on relative imports, 'vitest' for '@jest/globals'). Its CommonJS-and-Jest template is not
 *   made: its own generated spec cannot load NestJS 12 under Jest on Node 20 (Jest needs Node 24.9+ for
 *   require(esm)).
 */
async function nestNewConsumer(major, tarball) {
  const name = `nest-new-nest${major}`;
  const dir = join(work, name);
  mkdirSync(dir);
  const esm = major >= 12;
  const npm = (specs, dev = false) =>
    run(
      'npm',
      ['install', ...(dev ? ['-D'] : []), '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs],
      dir,
    );
  const nest = [
    `@nestjs/common@^${major}`,
    `@nestjs/core@^${major}`,
    `@nestjs/platform-express@^${major}`,
    'reflect-metadata',
    'rxjs',
  ];
  if (esm) {
    const manifest = { name, private: true, version: '0.0.1', type: 'module', scripts: { test: 'vitest run' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    cpSync(join(here, 'nest-new-12'), dir, { recursive: true });
    npm(nest);
    npm([`@nestjs/testing@^${major}`, 'vitest@^4', 'vite-tsconfig-paths@^5', '@types/node@^24', 'typescript@^6'], true);
  } else {
    const jest = {
      moduleFileExtensions: ['js', 'json', 'ts'],
      rootDir: 'src',
      testRegex: '.*\\.spec\\.ts$',
      transform: { '^.+\\.(t|j)s$': 'ts-jest' },
      testEnvironment: 'node',
    };
    const manifest = { name, private: true, version: '0.0.1', scripts: { test: 'jest' }, jest };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    cpSync(join(here, 'nest-new', 'tsconfig.json'), join(dir, 'tsconfig.json'));
    npm(nest);
    npm(
      [`@nestjs/testing@^${major}`, 'jest@^30', 'ts-jest@^29', '@types/jest@^30', '@types/node@^20', 'typescript@~5.9'],
      true,
    );
  }
  npm([tarball, ...readmeInstall(major), ...readmeOptionalInstall(major)]);
  const expected = major === 11 ? 4 : 12;
  const majors = [checkMajor(dir, '@nestjs/axios', expected), checkMajor(dir, '@nestjs/config', expected)];
  const { snippets, tests } = writeDocsSnippets(root, join(dir, 'src', 'snippets'), { esm });
  run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--noEmit'], dir);
  const [runner, args] = esm ? ['vitest', ['run']] : ['jest', ['--ci']];
  execFileSync(join(dir, 'node_modules', '.bin', runner), args, {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, ZIXFLOW_API_KEY: '' },
  });
  const first = await firstMessageInSandbox({
    root,
    dir,
    esm,
    tsc: () => run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], dir),
    // Where the consumer's tsconfig puts it: rootDir '.' on NestJS 12's template, the inferred src/ on 11's.
    entry: esm ? 'dist/src/first-message/main.js' : 'dist/first-message/main.js',
  });
  const made = esm ? 'ESM, TypeScript 6 strict' : 'CommonJS';
  return (
    `README install gave ${majors.join(', ')}; ${snippets} docs snippets compiled as nest new makes an app (${made}), ` +
    `${tests} of them ${runner} tests that passed with no key; ${first}`
  );
}

const consumers = {
  'a-commonjs-typescript-nest11': (tarball) => {
    const dir = createConsumer('a-commonjs-typescript-nest11', tarball, {
      type: 'commonjs',
      nest: NEST11(),
      devDependencies: { typescript: lockedVersion('typescript'), '@types/node': lockedVersion('@types/node') },
    });
    cpSync(join(here, 'cjs-src'), join(dir, 'src'), { recursive: true });
    cpSync(join(here, 'cjs-tsconfig.json'), join(dir, 'tsconfig.json'));
    run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], dir);
    return run('node', ['dist/main.js'], dir);
  },
  'b-esm-nest11': (tarball) => {
    const dir = createConsumer('b-esm-nest11', tarball, { type: 'module', nest: NEST11() });
    cpSync(join(here, 'esm-main.mjs'), join(dir, 'main.mjs'));
    return run('node', ['main.mjs'], dir);
  },
  'c-esm-nest12': (tarball) => {
    const dir = createConsumer('c-esm-nest12', tarball, { type: 'module', nest: NEST12 });
    cpSync(join(here, 'esm-main.mjs'), join(dir, 'main.mjs'));
    return run('node', ['main.mjs'], dir);
  },
  'd-nest-new-nest11': (tarball) => nestNewConsumer(11, tarball),
  'e-nest-new-nest12': (tarball) => nestNewConsumer(12, tarball),
};

try {
  const tarball = buildAndPack();
  checkTarballFiles(tarball);
  for (const [name, runConsumer] of Object.entries(consumers)) {
    const output = (await runConsumer(tarball)).trim();
    console.log(`${name}: ${output}`);
  }
  console.log('package proof passed');
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
