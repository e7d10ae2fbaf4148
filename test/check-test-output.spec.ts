import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The CI guard `.ci/run` pipes `npm test` into: a green run must also exit cleanly and quietly. */
function check(output: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'check-test-output.mjs')], {
    input: output,
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

const GREEN = 'PASS test/a.e2e-spec.ts\nTest Suites: 1 passed, 1 total\n';

describe('scripts/check-test-output.mjs', () => {
  it('accepts a clean green run, warnings and debug lines included', () => {
    const warn = '\x1b[33m[Nest] 123  - 12/01/2026, 9:00:00 AM    WARN\x1b[39m [Zixflow] a warning\n';
    expect(check(GREEN + warn)).toEqual({ status: 0, stderr: '' });
  });

  it('fails when Jest did not exit after the run', () => {
    const result = check(`${GREEN}Jest did not exit one second after the test run has completed.\n`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--detectOpenHandles');
  });

  it('fails on an ERROR line from Nest, colours or not, and quotes it', () => {
    const error = '\x1b[31m[Nest] 4242  - 12/01/2026, 9:00:00 AM   ERROR\x1b[39m [Zixflow] POST /x failed\n';
    const result = check(GREEN + error);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 ERROR log line(s) from passing tests');
    expect(result.stderr).toContain('[Nest] 4242  - 12/01/2026, 9:00:00 AM   ERROR [Zixflow] POST /x failed');
  });
});
