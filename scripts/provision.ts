// Provisions the partnership's SharePoint site from the one schema (issue #5): every list with its
// columns, indexes and unique columns through Graph, and the executive views through SharePoint
// REST. Usage: npm run provision -- --site <site-url> [--dry-run [--json]]
// The identity is the store's (sharepoint_* settings, see docs/sharepoint.md); the dry run needs
// none and sends nothing. A second run changes nothing and says so.
import { resolve } from 'node:path';
import { applyPlan } from '../src/adapters/graph/provisioning/apply.js';
import { applyViews } from '../src/adapters/graph/provisioning/apply-views.js';
import { ConfigError } from '../src/server/config.js';
import { storeTokens } from '../src/server/graph-identity.js';
import { graphHttpFor, listIdsByTitle, resolveSiteId } from '../src/server/store.js';
import { loadSharePointAccess } from '../src/server/store-config.js';
import type { Column, ListSchema } from '../src/domain/lists/columns.js';
import { lists } from '../src/domain/lists/schema.js';
import {
  TITLE,
  evidenceLibrary,
  facetOf,
  planJson,
  provisioningPlan,
  type ColumnDefinition,
  type ListPlan,
  type ProvisioningPlan,
} from '../src/adapters/graph/provisioning-plan.js';

export const USAGE = `Usage: npm run provision -- --site <site-url> [--dry-run [--json]]

  --site <url>  the partnership's SharePoint site, e.g. https://contoso.sharepoint.com/sites/hscp
                (without --dry-run: creates what is missing, with the store's identity:
                sharepoint_clientId and its credential, GRAPH_URL; see docs/sharepoint.md)
  --dry-run     print the plan: needs no credentials, sends nothing
  --json        with --dry-run: print the plan as JSON, and nothing else
  --help        show this
`;

export interface Options {
  readonly site?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function siteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--site needs a URL such as https://contoso.sharepoint.com/sites/hscp, not "${value}".`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new UsageError(`--site must be an https:// address, not "${value}".`);
  }
  return url.href.replace(/\/$/, '');
}

export function parseArgs(argv: readonly string[]): Options {
  let site: string | undefined;
  let dryRun = false;
  let json = false;
  let help = false;
  const once = (flag: string, already: boolean): void => {
    if (already) throw new UsageError(`${flag} is given twice.`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--site' || arg.startsWith('--site=')) {
      once('--site', site !== undefined);
      const value = arg === '--site' ? argv[++i] : arg.slice('--site='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new UsageError('--site needs the site URL after it.');
      }
      site = siteUrl(value);
    } else if (arg === '--dry-run') {
      once(arg, dryRun);
      dryRun = true;
    } else if (arg === '--json') {
      once(arg, json);
      json = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else {
      throw new UsageError(`Unknown argument: ${arg}`);
    }
  }
  if (json && !dryRun) throw new UsageError('--json goes with --dry-run.');
  return { ...(site !== undefined ? { site } : {}), dryRun, json, help };
}

/** The column's type as a person reads it: facet and the settings that matter. */
export function typeLabel(column: ColumnDefinition): string {
  if (column.text) {
    return column.text.allowMultipleLines
      ? 'text, multi-line'
      : `text(${column.text.maxLength ?? 255})`;
  }
  if (column.choice) return `choice(${column.choice.choices.length})`;
  if (column.number) {
    const { decimalPlaces, minimum, maximum } = column.number;
    const range =
      minimum !== undefined || maximum !== undefined ? ` ${minimum ?? ''}..${maximum ?? ''}` : '';
    return `number${decimalPlaces === 'none' ? ', integer' : ''}${range}`;
  }
  if (column.dateTime) return column.dateTime.format === 'dateOnly' ? 'date' : 'dateTime';
  return facetOf(column);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const yes = (flag: boolean): string => (flag ? 'yes' : '');

/** What a column holds, in the schema's words: `partnerId (ref → partners)`. */
function sourceLabel(field: string, column: Column | undefined): string {
  if (!column) return field;
  const target = column.kind === 'ref' || column.kind === 'refs' ? ` → ${column.list}` : '';
  return `${field} (${column.kind}${target})`;
}

function listSection(plan: ListPlan, schema: ListSchema | undefined): string {
  const sourceOf = new Map(
    Object.entries(plan.fieldColumns).map(([field, name]) => [
      name,
      sourceLabel(field, schema?.columns[field]),
    ]),
  );
  const rows = [
    ['column', 'type', 'indexed', 'unique', 'required', 'schema field'],
    ...plan.columns.map((column) => [
      column.name,
      typeLabel(column),
      yes(column.indexed),
      yes(column.enforceUniqueValues),
      yes(column.required),
      sourceOf.get(column.name) ??
        (column.name === TITLE ? '(built-in Title, unused)' : '(system column)'),
    ]),
  ];
  const kind = plan.template === 'documentLibrary' ? 'document library' : `${plan.audience} list`;
  return (
    `${plan.name}  [${plan.key}; ${kind}; ${plan.indexCount} indexed, ${plan.lookupCount} lookups]\n` +
    table(rows)
  );
}

/** The dry run as a person reads it. */
export function renderPlan(
  plan: ProvisioningPlan,
  site?: string,
  schemas: Readonly<Record<string, ListSchema>> = lists,
): string {
  const parts = [
    `Provisioning plan${site ? ` for ${site}` : ''} (dry run: nothing sent, no credentials used)`,
    ...plan.lists.map((list) => listSection(list, schemas[list.key])),
    listSection(plan.library, evidenceLibrary),
    `Executive views (SharePoint REST, POST …/views/add)\n` +
      table([
        ['list', 'view', 'columns'],
        ...plan.views.map((view) => [
          view.listName,
          view.title,
          view.body.parameters.ViewFields.results.join(', '),
        ]),
      ]),
    `Warnings (${plan.warnings.length})\n` +
      (plan.warnings.length ? plan.warnings.map((w) => `- ${w}`).join('\n') : '- none'),
    `Errors (${plan.errors.length})\n` +
      (plan.errors.length ? plan.errors.map((e) => `- ${e}`).join('\n') : '- none'),
  ];
  return `${parts.join('\n\n')}\n`;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs the command; returns the exit code: 0 done (or nothing to do), 1 the plan has errors or
 * applying it failed, 2 usage or configuration.
 */
export async function main(
  argv: readonly string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const plan = provisioningPlan();
  if (options.dryRun) {
    if (options.json) {
      io.stdout(`${JSON.stringify(planJson(plan), null, 2)}\n`);
    } else {
      io.stdout(renderPlan(plan, options.site));
    }
    return plan.errors.length > 0 ? 1 : 0;
  }
  if (options.site === undefined) {
    io.stderr(`--site is required.\n\n${USAGE}`);
    return 2;
  }
  if (plan.errors.length > 0) {
    io.stderr(
      `The plan has errors, so nothing was sent:\n${plan.errors.map((e) => `- ${e}`).join('\n')}\n`,
    );
    return 1;
  }
  try {
    return await apply(options.site, plan, io, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\nNothing was changed.\n`);
      return 2;
    }
    io.stderr(`Provisioning stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Lists and columns through Graph, then the views through SharePoint REST; prints each change. */
async function apply(
  site: string,
  plan: ProvisioningPlan,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const fail = (message: string) => new ConfigError(message);
  const access = loadSharePointAccess(env, env.NODE_ENV === 'production', fail, site);
  const tokens = storeTokens(access);
  const http = graphHttpFor(access, tokens);
  const siteId = await resolveSiteId(http, access.siteUrl);
  io.stdout(`Provisioning ${access.siteUrl}\n`);
  // Views go through SharePoint REST below, so applyPlan is given none of them.
  const lists = await applyPlan(http, siteId, { ...plan, views: [] });
  for (const change of lists.changes) io.stdout(`  ${change}\n`);
  const views = await applyViews(
    { baseUrl: access.restUrl, token: () => tokens.sharePoint() },
    await listIdsByTitle(http, siteId),
    plan.views,
  );
  for (const change of views.changes) io.stdout(`  ${change}\n`);
  for (const skipped of lists.skipped) io.stdout(`  not done: ${skipped}\n`);
  const count = lists.changes.length + views.changes.length;
  io.stdout(
    count === 0
      ? 'No changes: the site already matches the plan.\n'
      : `${count} change${count === 1 ? '' : 's'} made.\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
