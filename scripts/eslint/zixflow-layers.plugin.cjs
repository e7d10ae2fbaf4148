// ESLint rule `zixflow/layers`: the library's layers import only downward (design.md §2). An
// import is resolved to the file it names, so the check does not depend on how many `../` a path
// has; the layer of a file is the first folder under src/zixflow (and, inside sending/, the
// second), and each layer lists the layers it may import. The example app may import only the
// public entry points, and the library never imports the example.
const fs = require('node:fs');
const path = require('node:path');

const LIBRARY = 'src/zixflow/';

/** What each layer may import besides itself. Layers not listed here may import nothing else. */
const LAYERS = {
  core: [],
  'sending/options': ['core', 'sending/root'],
  'sending/validation': ['core'],
  'sending/dto': ['core', 'sending/validation'],
  'sending/messages': ['core', 'sending/dto', 'sending/validation'],
  'sending/delivery': ['core', 'sending/options', 'sending/root'],
  'sending/bulk': ['core', 'sending/messages', 'sending/dto'],
  'sending/templates': ['core', 'sending/delivery', 'sending/options', 'sending/validation', 'sending/root'],
  'sending/data': ['core', 'sending/delivery', 'sending/options', 'sending/validation', 'sending/root'],
  'sending/filters': ['core'],
  // Several accounts: named registrations, tenants built from the same parts as ZixflowModule.
  'sending/accounts': [
    'core',
    'sending/root',
    'sending/options',
    'sending/delivery',
    'sending/templates',
    'sending/data',
  ],
  'sending/root': ['core', 'sending/*'],
  webhooks: ['core', 'sending/*'],
  queue: ['core', 'sending/*'],
  bot: ['core', 'sending/*', 'webhooks'],
  redis: ['core', 'sending/*', 'webhooks', 'bot', 'queue'],
  // Health checks look at the parts an app registered: the service, the webhook routes, Redis.
  health: ['core', 'sending/*', 'webhooks', 'queue', 'redis'],
  // A second implementation of the API to test against: it shares nothing with the client.
  testing: [],
  // Testbeds boot the real modules against the sandbox, through the library's public entry points.
  'testing/testbed': ['entry', 'webhooks', 'bot', 'queue', 'testing'],
  'testing/entry': ['testing', 'testing/testbed'],
  entry: ['*'],
};

/** The files an application may import: one index per entry point. */
const PUBLIC_ENTRIES = [
  'index',
  'testing/index',
  'webhooks/index',
  'queue/index',
  'bot/index',
  'redis/index',
  'health/index',
];

function layerOf(relative) {
  const parts = relative.split('/');
  if (parts.length === 1) return 'entry';
  if (parts[0] === 'sending') return parts.length === 2 ? 'sending/root' : `sending/${parts[1]}`;
  if (relative === 'testing/index.ts') return 'testing/entry';
  if (parts[0] === 'testing' && parts[1] === 'testbed') return 'testing/testbed';
  return parts[0];
}

function allows(from, to) {
  if (from === to) return true;
  const allowed = LAYERS[from] ?? [];
  return allowed.some((item) => item === '*' || item === to || (item === 'sending/*' && to.startsWith('sending/')));
}

function withoutExtension(file) {
  return file.replace(/\.(d\.)?[mc]?[tj]s$/, '').replace(/\/index$/, '/index');
}

/** The file an import names: a folder stands for its index. */
function moduleFileOf(cwd, target) {
  const absolute = path.resolve(cwd, target);
  const isFolder = fs.existsSync(absolute) && fs.statSync(absolute).isDirectory();
  return isFolder ? `${target}/index.ts` : `${target}.ts`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Library layers import only downward; the example imports only public entry points.' },
    schema: [],
    messages: {
      upward:
        "Layer '{{from}}' may not import layer '{{to}}' ({{source}}): layers import only downward (design.md §2).",
      example: 'The library may not import the example app ({{source}}).',
      deep: "The example app imports only public entry points of the library, not '{{source}}'.",
    },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const file = path.relative(cwd, context.filename).split(path.sep).join('/');
    const inLibrary = file.startsWith(LIBRARY);
    const inApp = file.startsWith('src/') && !inLibrary;
    if (!inLibrary && !inApp) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path
        .relative(cwd, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      if (inLibrary) {
        if (!target.startsWith(LIBRARY)) {
          if (target.startsWith('src/')) context.report({ node, messageId: 'example', data: { source } });
          return;
        }
        const from = layerOf(file.slice(LIBRARY.length));
        const to = layerOf(moduleFileOf(cwd, target).slice(LIBRARY.length));
        if (!allows(from, to)) context.report({ node, messageId: 'upward', data: { from, to, source } });
        return;
      }
      if (target === 'src/zixflow' || target.startsWith(LIBRARY)) {
        const entry = target === 'src/zixflow' ? 'index' : withoutExtension(target.slice(LIBRARY.length));
        const named = PUBLIC_ENTRIES.includes(entry) || PUBLIC_ENTRIES.includes(`${entry}/index`);
        if (!named) context.report({ node, messageId: 'deep', data: { source } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

module.exports = { rules: { layers: rule } };
