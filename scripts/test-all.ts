// The one test command: every check CI runs, in order, with a summary line at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { LIVE_SKIP_MESSAGE, liveSite } from '../tests/live/settings.js';

const out = '.tmp/test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** A vitest run that also writes a JSON report, so the summary line can count its tests. */
const vitest = (name: string, config: string) => ({
  cmd: `npx vitest run --config ${config} --reporter=default --reporter=json --outputFile.json=${out}/${name}.json`,
  report: `${out}/${name}.json`,
});

const steps: { name: string; cmd: string; report?: string }[] = [
  { name: 'typecheck', cmd: 'npm run --silent typecheck' },
  { name: 'lint', cmd: 'npm run --silent lint' },
  { name: 'dependency rule', cmd: 'npm run --silent deps:check' },
  {
    name: 'unit, contract and API tests',
    ...vitest('node', 'vitest.config.ts'),
  },
  {
    name: 'tab tests',
    ...vitest('tab', 'teams-app/vitest.config.ts'),
  },
  { name: 'build the tab', cmd: 'npm run --silent build:tab' },
  {
    name: 'end-to-end tests (Agents Playground, Chromium)',
    ...vitest('e2e', 'tests/e2e/vitest.config.ts'),
  },
];

let passed = 0;
let failed = 0;
const failures: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.cmd, { shell: true, stdio: 'inherit' });
  console.log(
    `=== ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (step.report && existsSync(step.report)) {
    const r = JSON.parse(readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  if (result.status !== 0) failures.push(step.name);
}
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
// The opt-in suite against a real SharePoint site runs inside the vitest step when configured.
console.log(
  `\n${liveSite() ? `live SharePoint suite ran against ${liveSite()}` : LIVE_SKIP_MESSAGE}`,
);
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
