import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * `npm run bench:profile -- <file.cpuprofile>...`: where a profile's CPU time goes, in text, for
 * docs/benchmarks.md. Profiles come from `BENCH_CPU_PROF=<dir> npm run bench -- <section>` (every
 * child process) or `node --cpu-prof` on the benchmark itself. For each file it prints
 *   - self time by owner: a package in node_modules, an area of the library (src/zixflow/<area>),
 *     Node's internals by module, the benchmark, native code, GC, idle;
 *   - inclusive time by owner (time with that owner anywhere on the stack);
 *   - the functions with the most self time, and the library functions with the most inclusive time.
 * Percentages are of the busy (non-idle) samples.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 15);

/** Who a frame belongs to. */
function ownerOf({ functionName, url }: CallFrame): string {
  if (url === '') {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules !== null) {
    return modules[1];
  }
  const library = /\/src\/zixflow\/([^/]+)\//.exec(url);
  if (library !== null) {
    return `nestjs-zixflow/${library[1]}`;
  }
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return `node:${parts[0] === 'internal' ? (parts[1] ?? 'internal').replace(/\.js$/, '') : parts[0]}`;
  }
  return url.includes('/bench/') ? 'bench' : url;
}

function label(frame: CallFrame): string {
  const where = frame.url === '' ? '' : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'}${where}`;
}

function table(title: string, counts: Map<string, number>, busy: number, msPerSample: number): void {
  process.stdout.write(`  ${title}\n`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    const pct = ((count / busy) * 100).toFixed(1).padStart(5);
    process.stdout.write(`    ${pct} %  ${(count * msPerSample).toFixed(0).padStart(6)} ms  ${name}\n`);
  }
}

function add(map: Map<string, number>, key: string, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

function summarize(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);

  const selfByOwner = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByOwner = new Map<string, number>();
  const inclusiveByLibraryFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of hits) {
    const node = byId.get(id) as ProfileNode;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += count;
    add(selfByOwner, ownerOf(node.callFrame), count);
    add(selfByFunction, `${label(node.callFrame)}  [${ownerOf(node.callFrame)}]`, count);
    const owners = new Set<string>();
    const functions = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame;
      const owner = ownerOf(frame);
      owners.add(owner);
      if (owner.startsWith('nestjs-zixflow/')) functions.add(`${label(frame)}  [${owner}]`);
    }
    for (const owner of owners) add(inclusiveByOwner, owner, count);
    for (const name of functions) add(inclusiveByLibraryFunction, name, count);
  }
  const idle = profile.samples.length - busy;
  process.stdout.write(
    `\n${basename(file)}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, ` +
      `${(busy * msPerSample).toFixed(0)} ms busy, ${(idle * msPerSample).toFixed(0)} ms idle\n`,
  );
  table('self time by owner', selfByOwner, busy, msPerSample);
  table('inclusive time by owner (anywhere on the stack)', inclusiveByOwner, busy, msPerSample);
  table('functions, self time', selfByFunction, busy, msPerSample);
  table('library functions, inclusive time', inclusiveByLibraryFunction, busy, msPerSample);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run bench:profile -- <file.cpuprofile>...\n');
  process.exitCode = 1;
}
for (const file of files) summarize(file);
