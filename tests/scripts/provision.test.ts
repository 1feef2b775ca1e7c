import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listNames, lists } from '../../src/domain/lists/schema.js';
import { main, parseArgs, UsageError } from '../../scripts/provision.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the CLI as `npm run provision -- …` does, with no Graph or SharePoint settings. */
function provision(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(AZURE_|GRAPH_|SHAREPOINT_|ENTRA_|clientId$|tenantId$)/.test(key)) delete env[key];
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/provision.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function inProcess(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('npm run provision (the process)', () => {
  it('--dry-run --json prints only the plan as JSON', () => {
    const run = provision('--dry-run', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      lists: { name: string; columns: { name: string; type: string; indexed: boolean }[] }[];
      warnings: string[];
    };
    expect(json.lists.map((l) => l.name)).toEqual(listNames.map((key) => lists[key].title));
    const actions = json.lists.find((l) => l.name === 'CF Actions');
    expect(actions?.columns.find((c) => c.name === 'actionKey')).toEqual({
      name: 'actionKey',
      type: 'text',
      indexed: true,
    });
    expect(actions?.columns.find((c) => c.name === 'description')).toEqual({
      name: 'description',
      type: 'text',
      indexed: false,
    });
    expect(json.warnings.length).toBeGreaterThan(0);
  });

  it('--dry-run --site prints the readable plan for that site', () => {
    const run = provision('--dry-run', '--site', 'https://contoso.sharepoint.com/sites/hscp');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Provisioning plan for https:\/\/contoso\.sharepoint\.com\/sites\/hscp/,
    );
    expect(run.stdout).toMatch(/^CF Recommendations {2}\[recommendations; executive list;/m);
    expect(run.stdout).toMatch(/^reference +text\(40\) +yes +yes +yes +reference \(text\)$/m);
    expect(run.stdout).toContain('Overdue actions');
    expect(run.stdout).toMatch(/^Warnings \(\d+\)$/m);
    expect(run.stdout).toMatch(/^Errors \(0\)$/m);
  });

  it('exits 2 with the usage on stderr for bad arguments', () => {
    const run = provision('--dry-run', '--bogus');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Unknown argument: --bogus');
    expect(run.stderr).toContain('Usage: npm run provision -- --site <site-url>');
  });

  it('says applying is not built yet, and exits 2, without --dry-run', () => {
    const run = provision('--site', 'https://contoso.sharepoint.com/sites/hscp');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('not built yet: nothing was changed');
  });
});

describe('provision arguments', () => {
  it('parses the flags, in either order and with --site=', () => {
    expect(parseArgs(['--site', 'https://x.sharepoint.com/sites/a/', '--dry-run'])).toEqual({
      site: 'https://x.sharepoint.com/sites/a',
      dryRun: true,
      json: false,
      help: false,
    });
    expect(parseArgs(['--json', '--dry-run', '--site=https://x.sharepoint.com'])).toEqual({
      site: 'https://x.sharepoint.com',
      dryRun: true,
      json: true,
      help: false,
    });
    expect(parseArgs(['--dry-run'])).toEqual({ dryRun: true, json: false, help: false });
  });

  it.each([
    [['--site'], '--site needs the site URL'],
    [['--site', '--dry-run'], '--site needs the site URL'],
    [['--site', 'contoso'], '--site needs a URL'],
    [['--site', 'http://contoso.sharepoint.com'], 'https://'],
    [['--json'], '--json goes with --dry-run'],
    [['--dry-run', '--dry-run'], 'given twice'],
    [['plan'], 'Unknown argument: plan'],
  ])('refuses %j', (args, message) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    expect(() => parseArgs(args)).toThrow(message);
    const run = inProcess(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('needs --site when not a dry run', () => {
    const run = inProcess();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--site is required');
  });

  it('prints the usage on stdout for --help', () => {
    const run = inProcess('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--dry-run');
    expect(run.stderr).toBe('');
  });

  it('prints the same JSON in process as the process does', () => {
    const run = inProcess('--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(provision('--dry-run', '--json').stdout));
  });
});
