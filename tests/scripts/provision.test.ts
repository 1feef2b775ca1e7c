import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNames, lists } from '../../src/domain/lists/schema.js';
import { provisioningPlan } from '../../src/adapters/graph/provisioning-plan.js';
import { main, parseArgs, UsageError } from '../../scripts/provision.js';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator/index.js';
import { restUrlOf } from '../support/graph-emulator/sharepoint-rest.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The environment without any Graph, SharePoint or Entra settings. */
function bareEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^(AZURE_|GRAPH_|SHAREPOINT_|ENTRA_|MANAGED_IDENTITY_|STORE$|clientId$|tenantId$)/i.test(key)
    )
      delete env[key];
  }
  return env;
}

/** Runs the CLI as `npm run provision -- …` does, with no Graph or SharePoint settings. */
function provision(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = bareEnv();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/provision.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
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

  it('without --dry-run and without an identity, names the settings and changes nothing', () => {
    const run = provision('--site', 'https://contoso.sharepoint.com/sites/hscp');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('needs an app-only identity: set sharepoint_clientId');
    expect(run.stderr).toContain('Nothing was changed.');
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
  ])('refuses %j', async (args, message) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    expect(() => parseArgs(args)).toThrow(message);
    const run = await inProcess(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage:');
  });

  it('needs --site when not a dry run', async () => {
    const run = await inProcess();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--site is required');
  });

  it('prints the usage on stdout for --help', async () => {
    const run = await inProcess('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--dry-run');
    expect(run.stderr).toBe('');
  });

  it('prints the same JSON in process as the process does', async () => {
    const run = await inProcess('--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(provision('--dry-run', '--json').stdout));
  });
});

/** The CLI as a process, without blocking this one (the emulator answers from it). */
function provisionAsync(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/provision.ts', ...args],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ status, stdout, stderr });
      },
    );
  });
}

describe('npm run provision against the Graph emulator', () => {
  const SITE = { hostname: 'harbourside.sharepoint.example', path: '/sites/scrutiny' };
  const siteUrl = `https://${SITE.hostname}${SITE.path}`;
  let graph: GraphEmulator;
  let siteId: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    graph = await startGraphEmulator();
    siteId = graph.state.addSite(SITE).id;
    env = {
      ...bareEnv(),
      GRAPH_URL: graph.url,
      SHAREPOINT_TEST_TOKEN: 'emulator-token',
      SHAREPOINT_REST_URL: restUrlOf(graph.url, SITE),
    };
  });
  afterAll(async () => graph?.close());

  /** The views on a list, read back through the emulator's SharePoint REST. */
  const viewTitles = async (listName: string): Promise<string[]> => {
    const id = graph.state.list(siteId, listName)?.id ?? '';
    const res = await fetch(
      `${restUrlOf(graph.url, SITE)}/_api/web/lists(guid'${id}')/views?$select=Title`,
      { headers: { authorization: 'Bearer x', accept: 'application/json;odata=nometadata' } },
    );
    return ((await res.json()) as { value: { Title: string }[] }).value.map((v) => v.Title);
  };

  it('creates every list, column and executive view, then a second run changes nothing', async () => {
    const plan = provisioningPlan();
    expect(plan.views).toHaveLength(12);

    const first = await provisionAsync(env, '--site', siteUrl);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    for (const list of plan.lists) {
      expect(first.stdout).toContain(`  created ${list.name}\n`);
      const stored = graph.state.list(siteId, list.name);
      expect(stored, list.name).toBeDefined();
      const names = new Set(stored?.columns.map((c) => c.name.toLowerCase()));
      for (const column of list.columns) expect(names.has(column.name.toLowerCase())).toBe(true);
    }
    expect(first.stdout.match(/^ {2}created view /gm)).toHaveLength(12);
    for (const view of plan.views) {
      expect(first.stdout).toContain(`  created view ${view.listName}: ${view.title}\n`);
      expect(await viewTitles(view.listName)).toContain(view.title);
    }
    expect(first.stdout).toMatch(/^\d+ changes made\.$/m);

    const second = await provisionAsync(env, '--site', siteUrl);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/^ {2}(created|added|updated) /m);
    expect(second.stdout).toContain('No changes: the site already matches the plan.');
    // Each view once: SharePoint would take a second view with the same title.
    for (const view of plan.views) {
      const titles = await viewTitles(view.listName);
      expect(titles.filter((t) => t === view.title)).toHaveLength(1);
    }
  }, 120_000);

  it('stops with a clear message, changing nothing, when the site does not exist', async () => {
    const run = await provisionAsync(env, '--site', `https://${SITE.hostname}/sites/no-such-site`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'No SharePoint site at https://harbourside.sharepoint.example/sites/no-such-site',
    );
    expect(run.stderr).toContain('Nothing was changed.');
  });

  it('refuses the emulator-only settings in production', async () => {
    const production = { ...env, NODE_ENV: 'production', GRAPH_URL: 'https://graph.microsoft.com' };
    const run = await provisionAsync(production, '--site', siteUrl);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SHAREPOINT_REST_URL is for the Graph emulator only');
  });
});
