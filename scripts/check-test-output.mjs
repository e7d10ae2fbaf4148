#!/usr/bin/env node
// Reads the output of a green `npm test` (a file, or stdin) and fails when it is not a clean one:
// Jest's "did not exit one second after the test run" (an open handle: a timer, socket or client a
// test or the library left running) or an ERROR line from Nest's logger (a passing test that
// provokes a failure on purpose silences it; anything else is a real failure to look at).
import { readFileSync } from 'node:fs';

// Colours off, so the checks read the lines as a terminal shows them.
// eslint-disable-next-line no-control-regex
const text = readFileSync(process.argv[2] ?? 0, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const problems = [];
if (text.includes('did not exit one second after the test run has completed')) {
  problems.push(
    'Jest did not exit one second after the run: find the open handle with `npx jest --detectOpenHandles <suite>`.',
  );
}
const errorLines = text.split('\n').filter((line) => /^\[Nest\] \d+ .*\bERROR\b/.test(line));
if (errorLines.length > 0) {
  problems.push(
    `${errorLines.length} ERROR log line(s) from passing tests; silence the ones a test provokes on purpose ` +
      '(a testing logger, `logger: false`), fix the others:',
    ...errorLines.slice(0, 20).map((line) => `  ${line.slice(0, 300)}`),
  );
}
if (problems.length > 0) {
  process.stderr.write(`The test run passed but is not clean:\n${problems.join('\n')}\n`);
  process.exit(1);
}
