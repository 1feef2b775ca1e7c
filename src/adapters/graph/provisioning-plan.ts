import type { Column, ListSchema } from '../../domain/lists/columns.js';
import { lists as schemaLists } from '../../domain/lists/schema.js';
import { columnDefinitionOf, unusedTitleColumn, type Issue } from './provisioning/columns.js';
import { EVIDENCE_LIBRARY, evidenceLibrary } from './provisioning/evidence-library.js';
import { facetOf, type ColumnDefinition, type FacetName } from './provisioning/graph-types.js';
import {
  BUILT_IN_DISPLAY_NAMES,
  INTERNAL_NAME,
  MAX_INTERNAL_NAME,
  TITLE,
  internalNameOf,
  systemColumns,
} from './provisioning/names.js';
import { executiveViews, viewPlanOf, type ViewPlan, type ViewSpec } from './provisioning/views.js';

export type { ColumnDefinition, FacetName } from './provisioning/graph-types.js';
export { facetOf } from './provisioning/graph-types.js';
export {
  BUILT_IN_NAMES,
  TITLE,
  isReservedName,
  systemColumnNames,
  systemColumns,
  type SystemColumnName,
} from './provisioning/names.js';
export { EVIDENCE_LIBRARY, evidenceLibrary } from './provisioning/evidence-library.js';
export { executiveViews, type ViewPlan, type ViewSpec } from './provisioning/views.js';

/**
 * The provisioning plan: every list of the one schema (`src/domain/lists/schema.ts`), the evidence
 * library and the executive views, as the bodies Microsoft Graph v1.0 and SharePoint REST take.
 * Pure: no network, no credentials, the same output for the same schema. Applying it (create
 * what is missing, update what differs, report "no changes" on a second run) is a later step.
 *
 * - Lists: `POST /sites/{site-id}/lists` with `displayName`, `description`, `list.template` and
 *   `columns` (https://learn.microsoft.com/graph/api/list-create); a column the list lacks:
 *   `POST /sites/{site-id}/lists/{list-id}/columns`
 *   (https://learn.microsoft.com/graph/api/list-post-columns); one that differs, and the built-in
 *   Title: `PATCH …/columns/{column-id}` (https://learn.microsoft.com/graph/api/columndefinition-update).
 * - Indexes and uniqueness are columnDefinition properties: `indexed` and `enforceUniqueValues`.
 *   Every column the schema marks `indexed` or `unique` is indexed: SharePoint needs an index to
 *   filter past the 5,000-item list view threshold, and "When you set [EnforceUniqueValues] to
 *   true, you should also set the Indexed property to true"
 *   (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee568738(v=office.15)).
 *   More than 20 indexes in a list is reported: the 20 comes from third-party documentation only
 *   (UNVERIFIED; shared/reference/platform-limits.md §3.1).
 * - Column mapping: `provisioning/columns.ts`; internal names: `provisioning/names.ts`; views:
 *   `provisioning/views.ts`.
 */

/** Who reads a list. Executive lists are the tracker and get the executive views. */
export type Audience = 'executive' | 'working' | 'system';

/**
 * The tracker executives read: recommendations and what partners did about them, the SLG's
 * rulings, the findings behind them, and the scrutiny plan with its days and cost.
 */
export const executiveLists: readonly string[] = [
  'recommendations',
  'responses',
  'actions',
  'actionUpdates',
  'slgItems',
  'findings',
  'plans',
  'planActivities',
  'dayLogs',
];
/** Lists the app writes for itself: outboxes, ledgers, links and addresses. */
export const systemLists: readonly string[] = [
  'conversations',
  'cardDeliveries',
  'responseLinks',
  'emailOutbox',
  'reminderNotices',
];

export function audienceOf(listKey: string): Audience {
  if (executiveLists.includes(listKey)) return 'executive';
  if (systemLists.includes(listKey)) return 'system';
  // The partnership's reference data and the scrutineer's working records.
  return 'working';
}

/** Lookup and person columns a query may request at once (fieldvalueset: "Up to 12"). */
export const MAX_LOOKUPS_PER_QUERY = 12;
/** Indexes per list: third-party figure, UNVERIFIED. */
export const MAX_INDEXES_PER_LIST = 20;

export interface ListPlan {
  /** The schema's key (`recommendations`), or `evidence` for the library. */
  readonly key: string;
  /** The SharePoint list title, e.g. "CF Recommendations". */
  readonly name: string;
  readonly description: string;
  readonly template: 'genericList' | 'documentLibrary';
  readonly audience: Audience;
  /**
   * The desired state of every column the plan manages, as Graph columnDefinition bodies: the
   * schema's columns in schema order (the `title` field in the built-in Title column), the
   * built-in Title first when no field uses it, then the system columns. A column that already
   * exists (always Title) is updated, never created.
   */
  readonly columns: readonly ColumnDefinition[];
  /** Schema field → internal column name. */
  readonly fieldColumns: Readonly<Record<string, string>>;
  readonly indexCount: number;
  readonly lookupCount: number;
}
export type LibraryPlan = ListPlan;

export interface ProvisioningPlan {
  readonly lists: readonly ListPlan[];
  readonly library: LibraryPlan;
  readonly views: readonly ViewPlan[];
  /** What the plan could not express as the schema asks, or limits it comes near. */
  readonly warnings: readonly string[];
  /** What would make the site disagree with the schema: fix the schema before applying. */
  readonly errors: readonly string[];
}

type Schemas = Readonly<Record<string, ListSchema>>;

const lookupFacets: readonly FacetName[] = ['lookup', 'personOrGroup'];

/** Lookup and person columns in a list (each counts against the 12 per query). */
export function lookupCount(columns: readonly ColumnDefinition[]): number {
  return columns.filter((column) => lookupFacets.includes(facetOf(column))).length;
}

export function indexCount(columns: readonly ColumnDefinition[]): number {
  return columns.filter((column) => column.indexed).length;
}

function columnOf(schema: ListSchema, field: string): Column | undefined {
  return Object.hasOwn(schema.columns, field) ? schema.columns[field] : undefined;
}

/**
 * The internal column name of a schema field, for the Graph adapter and provisioning alike.
 * `list` is a schema key (`recommendations`) or `evidence` (the library).
 */
export function columnNameOf(list: string, field: string, schemas: Schemas = schemaLists): string {
  let schema: ListSchema | undefined;
  if (list === EVIDENCE_LIBRARY) schema = evidenceLibrary;
  else if (Object.hasOwn(schemas, list)) schema = schemas[list];
  if (!schema) throw new Error(`Unknown list: ${list}`);
  const column = columnOf(schema, field);
  if (!column) throw new Error(`The ${list} list has no field ${field}.`);
  return internalNameOf(field, column);
}

function planList(
  key: string,
  schema: ListSchema,
  template: ListPlan['template'],
  titleOf: (listKey: string) => string | undefined,
  issues: Issue[],
): ListPlan {
  const columns: ColumnDefinition[] = [];
  const fieldColumns: Record<string, string> = {};
  const seen = new Map<string, string>();
  const claim = (name: string, owner: string): void => {
    const lower = name.toLowerCase();
    const other = seen.get(lower);
    if (other !== undefined) {
      issues.push({
        level: 'error',
        message: `${key}: ${owner} and ${other} would both be the column ${name} (internal names are case-insensitive).`,
      });
    }
    seen.set(lower, owner);
    if (!INTERNAL_NAME.test(name) || name.length > MAX_INTERNAL_NAME) {
      issues.push({
        level: 'error',
        message: `${key}: ${owner} maps to "${name}", not a safe SharePoint internal name (letters and digits, starting with a letter, at most ${MAX_INTERNAL_NAME}).`,
      });
    }
  };

  const entries = Object.entries(schema.columns);
  const usesTitle = entries.some(([field, column]) => internalNameOf(field, column) === TITLE);
  if (!usesTitle) {
    columns.push(unusedTitleColumn);
    claim(TITLE, 'the built-in Title');
  }
  if (Object.hasOwn(schema.columns, 'title') && !usesTitle) {
    issues.push({
      level: 'warning',
      message: `${key}.title is not single-line text, so it cannot live in the built-in Title column: planned as cfTitle.`,
    });
  }

  const displayBuiltIns = new Set(
    BUILT_IN_DISPLAY_NAMES[template === 'documentLibrary' ? 'library' : 'list'].map((name) =>
      name.toLowerCase(),
    ),
  );
  const displayNames = new Map<string, string>();
  for (const [field, column] of entries) {
    const name = internalNameOf(field, column);
    claim(name, `${key}.${field}`);
    const target = column.kind === 'ref' || column.kind === 'refs' ? column.list : undefined;
    const { definition, issues: columnIssues } = columnDefinitionOf(column, {
      where: `${key}.${field}`,
      name,
      targetTitle: target === undefined ? undefined : (titleOf(target) ?? target),
    });
    issues.push(...columnIssues);
    if (target !== undefined && titleOf(target) === undefined) {
      issues.push({
        level: 'error',
        message: `${key}.${field} refers to the list ${target}, which the schema does not have.`,
      });
    }
    const label = column.label.toLowerCase();
    if (name !== TITLE && displayBuiltIns.has(label)) {
      issues.push({
        level: 'warning',
        message: `${key}.${field} is labelled "${column.label}", a name SharePoint already shows for a built-in column.`,
      });
    }
    const sameLabel = displayNames.get(label);
    if (sameLabel !== undefined) {
      issues.push({
        level: 'warning',
        message: `${key}.${field} and ${key}.${sameLabel} are both labelled "${column.label}".`,
      });
    }
    displayNames.set(label, field);
    columns.push(definition);
    fieldColumns[field] = name;
  }

  for (const [name, column] of Object.entries(systemColumns)) {
    claim(name, `the system column ${name}`);
    columns.push(columnDefinitionOf(column, { where: `${key}.${name}`, name }).definition);
  }

  const plan: ListPlan = {
    key,
    name: schema.title,
    description: schema.description,
    template,
    audience: template === 'documentLibrary' ? 'working' : audienceOf(key),
    columns,
    fieldColumns,
    indexCount: indexCount(columns),
    lookupCount: lookupCount(columns),
  };
  if (plan.indexCount > MAX_INDEXES_PER_LIST) {
    issues.push({
      level: 'warning',
      message: `${key} would have ${plan.indexCount} indexed columns; SharePoint is said to allow ${MAX_INDEXES_PER_LIST} per list (third-party figure, UNVERIFIED).`,
    });
  }
  if (plan.lookupCount > MAX_LOOKUPS_PER_QUERY) {
    issues.push({
      level: 'warning',
      message: `${key} would have ${plan.lookupCount} lookup or person columns; a query may request at most ${MAX_LOOKUPS_PER_QUERY}.`,
    });
  }
  return plan;
}

/** The whole plan for a schema (the app's own by default). */
export function provisioningPlan(
  schemas: Schemas = schemaLists,
  views: Readonly<Record<string, readonly ViewSpec[]>> = executiveViews,
): ProvisioningPlan {
  const issues: Issue[] = [];
  const titleOf = (listKey: string): string | undefined =>
    Object.hasOwn(schemas, listKey) ? schemas[listKey]?.title : undefined;

  const listPlans = Object.entries(schemas).map(([key, schema]) =>
    planList(key, schema, 'genericList', titleOf, issues),
  );
  // The library links files to the app's own lists, whatever schema is being planned.
  const appTitleOf = (listKey: string): string | undefined =>
    Object.hasOwn(schemaLists, listKey)
      ? schemaLists[listKey as keyof typeof schemaLists].title
      : undefined;
  const library = planList(
    EVIDENCE_LIBRARY,
    evidenceLibrary,
    'documentLibrary',
    appTitleOf,
    issues,
  );
  if (Object.hasOwn(schemas, EVIDENCE_LIBRARY)) {
    issues.push({
      level: 'error',
      message: `A list is keyed "${EVIDENCE_LIBRARY}", the key of the evidence library.`,
    });
  }

  const names = new Map<string, string>();
  for (const plan of [...listPlans, library]) {
    const other = names.get(plan.name.toLowerCase());
    if (other !== undefined) {
      issues.push({
        level: 'error',
        message: `${plan.key} and ${other} are both titled "${plan.name}".`,
      });
    }
    names.set(plan.name.toLowerCase(), plan.key);
  }

  const viewPlans: ViewPlan[] = [];
  for (const plan of listPlans) {
    const schema = schemas[plan.key];
    if (!schema) continue;
    const specs = views[plan.key] ?? [];
    if (specs.length > 0 && plan.audience !== 'executive') {
      issues.push({
        level: 'warning',
        message: `${plan.key} has views but is not an executive list.`,
      });
    }
    for (const spec of specs) {
      const { view, issues: viewIssues } = viewPlanOf(
        {
          key: plan.key,
          name: plan.name,
          schema,
          columnOf: (field) => plan.fieldColumns[field] ?? field,
        },
        spec,
      );
      viewPlans.push(view);
      issues.push(...viewIssues);
    }
  }
  const withIds = viewPlans.filter((view) => view.referenceFields.length > 0);
  if (withIds.length > 0) {
    issues.push({
      level: 'warning',
      message:
        'References are ids, not lookups, so these executive views show ids where a name would help: ' +
        withIds.map((view) => `"${view.title}" (${view.referenceFields.join(', ')})`).join('; ') +
        '.',
    });
  }

  return {
    lists: listPlans,
    library,
    views: viewPlans,
    warnings: issues.filter((issue) => issue.level === 'warning').map((issue) => issue.message),
    errors: issues.filter((issue) => issue.level === 'error').map((issue) => issue.message),
  };
}

/** One column as `--dry-run --json` prints it. */
export interface ColumnSummary {
  readonly name: string;
  readonly type: FacetName;
  readonly indexed: boolean;
}
export interface ListSummary {
  readonly name: string;
  readonly columns: readonly ColumnSummary[];
}

const summaryOf = (plan: ListPlan): ListSummary => ({
  name: plan.name,
  columns: plan.columns.map((column) => ({
    name: column.name,
    type: facetOf(column),
    indexed: column.indexed,
  })),
});

/**
 * The plan as `--dry-run --json` prints it: `{"lists": [{"name", "columns": [{"name", "type",
 * "indexed"}]}]}` (issue #5), then the library (same shape), the views' REST requests, the
 * warnings and the errors.
 */
export function planJson(plan: ProvisioningPlan): {
  lists: ListSummary[];
  library: ListSummary;
  views: readonly ViewPlan[];
  warnings: readonly string[];
  errors: readonly string[];
} {
  return {
    lists: plan.lists.map(summaryOf),
    library: summaryOf(plan.library),
    views: plan.views,
    warnings: plan.warnings,
    errors: plan.errors,
  };
}
