import { ESLint } from 'eslint';
import * as path from 'node:path';

/**
 * The layer rule of design.md §2, run through ESLint itself on probe files: an upward import must
 * fail `npm run lint`, a downward one must pass.
 */
const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin is CommonJS, as ESLint loads it
const layers = require('../scripts/eslint/zixflow-layers.plugin.cjs') as ESLint.Plugin;

async function problemsOf(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], plugins: { zixflow: layers }, rules: { 'zixflow/layers': 'error' } }],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((message) => message.message);
}

describe('lint: layers import only downward', () => {
  it.each([
    [
      'src/zixflow/core/errors/probe.ts',
      "import '../../sending/zixflow-whatsapp.service';",
      /'core' may not import layer 'sending\/root'/,
    ],
    [
      'src/zixflow/sending/delivery/probe.ts',
      "import '../dto/send-text-message.dto';",
      /'sending\/delivery' may not import layer 'sending\/dto'/,
    ],
    [
      'src/zixflow/sending/zixflow-probe.ts',
      "import '../webhooks';",
      /'sending\/root' may not import layer 'webhooks'/,
    ],
    ['src/zixflow/webhooks/probe.ts', "import '../queue/zixflow-outbox';", /'webhooks' may not import layer 'queue'/],
    [
      'src/zixflow/testing/probe.ts',
      "import '../core/phone/mask-phone-number';",
      /'testing' may not import layer 'core'/,
    ],
    ['src/zixflow/queue/probe.ts', "import '../../example/example.module';", /may not import the example app/],
    ['src/example/probe.ts', "import '../zixflow/sending/zixflow-whatsapp.service';", /only public entry points/],
    ['src/zixflow/health/probe.ts', "import '../bot/zixflow-bot.module';", /'health' may not import layer 'bot'/],
    [
      'src/zixflow/redis/probe.ts',
      "import '../health/zixflow-health.indicator';",
      /'redis' may not import layer 'health'/,
    ],
    ['src/example/probe.ts', "import '../zixflow/health/zixflow-health.indicator';", /only public entry points/],
  ])('%s: %s is refused', async (file, code, expected) => {
    expect(await problemsOf(file, code)).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    ['src/zixflow/sending/zixflow-probe.ts', "import '../core/errors/zixflow.error';"],
    ['src/zixflow/sending/delivery/probe.ts', "import '../options/zixflow-options.schema';"],
    ['src/zixflow/webhooks/probe.ts', "import '../sending/zixflow-whatsapp.service';"],
    ['src/zixflow/queue/probe.ts', "import '../sending/messages/whatsapp-message-kinds';"],
    ['src/zixflow/index.ts', "import './queue/zixflow-outbox';"],
    ['src/example/probe.ts', "import '../zixflow/webhooks';"],
    ['src/example/probe.ts', "import '../zixflow';"],
    ['src/zixflow/health/probe.ts', "import '../redis/zixflow-redis.constants';"],
    ['src/zixflow/health/probe.ts', "import '../webhooks/zixflow-webhook-deliveries';"],
    ['src/zixflow/health/probe.ts', "import '../sending/zixflow-whatsapp.service';"],
    ['src/example/probe.ts', "import '../zixflow/health';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });
});
