import type { Column, ListSchema } from '../../../domain/lists/columns.js';
import type { Issue } from './columns.js';
import { TITLE } from './names.js';

/**
 * The executive views, as SharePoint REST requests (data only: nothing here sends them).
 *
 * Graph v1.0 cannot create views: the `list` resource's relationships are drive, items, columns,
 * contentTypes, operations and subscriptions, with no views
 * (microsoftgraph/microsoft-graph-docs-contrib `api-reference/v1.0/resources/list.md`). SharePoint
 * REST can: `POST {site}/_api/web/lists/GetByTitle('{list}')/views/add` with an
 * `SP.ViewCreationInformation` in `parameters` ("Lists and list items REST API reference",
 * ViewCollection resource,
 * https://learn.microsoft.com/previous-versions/office/developer/sharepoint-rest-reference/dn531433(v=office.15);
 * its members: Title, ViewFields ("the collection of field internal names"), Query, RowLimit,
 * Paged, PersonalView ("If the value is false, the new list view is a public view"),
 * SetAsDefaultView, ViewTypeKind:
 * https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee546791(v=office.15)).
 * `Query` is the CAML inside the view's <Query> element (Where, GroupBy, OrderBy); the created
 * view reads it back as `ViewQuery`. Verbose OData (`application/json;odata=verbose`) carries the
 * `__metadata` types.
 *
 * Applying a view is idempotent by title: `GET …/views/GetByTitle('{view}')` first; add it when
 * missing, otherwise compare ViewQuery and ViewFields and change only what differs.
 *
 * Each view filters first on an indexed column where it filters at all, so it keeps working past
 * the 5,000-item list view threshold.
 */

type Value = string | number | boolean | { readonly today: number };

export type Condition =
  | {
      readonly op: 'Eq' | 'Neq' | 'Lt' | 'Leq' | 'Gt' | 'Geq';
      readonly field: string;
      readonly value: Value;
    }
  | { readonly op: 'In'; readonly field: string; readonly values: readonly string[] }
  | { readonly op: 'IsNull' | 'IsNotNull'; readonly field: string }
  | { readonly op: 'And'; readonly conditions: readonly [Condition, Condition, ...Condition[]] };

export interface ViewSpec {
  readonly title: string;
  /** Schema fields, in display order; a field held in Title shows as the link to the item. */
  readonly fields: readonly string[];
  readonly where?: Condition;
  readonly groupBy?: string;
  readonly orderBy: readonly { readonly field: string; readonly ascending: boolean }[];
  readonly rowLimit: number;
}

const openActions = ['open', 'reopened'];

/**
 * One or two views per executive list (the tracker). Keyed by schema list key; values are the
 * schema's slugs, checked against each choice column's choices when the plan is made.
 */
export const executiveViews: Readonly<Record<string, readonly ViewSpec[]>> = {
  recommendations: [
    {
      title: 'Open recommendations',
      fields: ['reference', 'title', 'priority', 'responseDueDate', 'issuedAt'],
      where: { op: 'Eq', field: 'status', value: 'issued' },
      orderBy: [{ field: 'responseDueDate', ascending: true }],
      rowLimit: 100,
    },
    {
      title: 'Recommendations by status',
      fields: ['reference', 'title', 'priority', 'responseDueDate', 'status'],
      groupBy: 'status',
      orderBy: [{ field: 'responseDueDate', ascending: false }],
      rowLimit: 100,
    },
  ],
  responses: [
    {
      title: 'Responses by decision',
      fields: ['recommendationId', 'partnerId', 'decision', 'rationale', 'channel', 'respondedAt'],
      groupBy: 'decision',
      orderBy: [{ field: 'respondedAt', ascending: false }],
      rowLimit: 100,
    },
  ],
  actions: [
    {
      title: 'Overdue actions',
      fields: ['description', 'partnerId', 'ownerId', 'targetDate', 'status'],
      where: {
        op: 'And',
        conditions: [
          { op: 'Lt', field: 'targetDate', value: { today: 0 } },
          { op: 'In', field: 'status', values: openActions },
        ],
      },
      orderBy: [{ field: 'targetDate', ascending: true }],
      rowLimit: 100,
    },
    {
      title: 'Actions due in the next 30 days',
      fields: ['description', 'partnerId', 'ownerId', 'targetDate', 'status'],
      where: {
        op: 'And',
        conditions: [
          { op: 'Geq', field: 'targetDate', value: { today: 0 } },
          { op: 'Leq', field: 'targetDate', value: { today: 30 } },
          { op: 'In', field: 'status', values: openActions },
        ],
      },
      orderBy: [{ field: 'targetDate', ascending: true }],
      rowLimit: 100,
    },
  ],
  actionUpdates: [
    {
      title: 'Updates in the last 90 days',
      fields: ['actionId', 'progress', 'narrative', 'revisedDate', 'evidenceLink', 'at'],
      where: { op: 'Geq', field: 'at', value: { today: -90 } },
      orderBy: [{ field: 'at', ascending: false }],
      rowLimit: 100,
    },
  ],
  slgItems: [
    {
      title: 'Awaiting SLG ruling',
      fields: ['recommendationId', 'partnerId', 'kind', 'meetingId'],
      where: { op: 'Eq', field: 'status', value: 'awaiting-ruling' },
      orderBy: [],
      rowLimit: 100,
    },
    {
      title: 'SLG rulings',
      fields: ['recommendationId', 'partnerId', 'kind', 'outcome', 'rulingNote', 'ruledAt'],
      where: { op: 'Eq', field: 'status', value: 'ruled' },
      orderBy: [{ field: 'ruledAt', ascending: false }],
      rowLimit: 100,
    },
  ],
  findings: [
    {
      title: 'Findings by class',
      fields: ['title', 'evidenceClass', 'lineOfEnquiry', 'summary'],
      groupBy: 'evidenceClass',
      orderBy: [],
      rowLimit: 100,
    },
  ],
  plans: [
    {
      title: 'Scrutiny plans',
      fields: ['reportingYear', 'daysContracted', 'dayRate'],
      orderBy: [{ field: 'reportingYear', ascending: false }],
      rowLimit: 30,
    },
  ],
  planActivities: [
    {
      title: 'Activities by status',
      fields: ['title', 'theme', 'daysAllocated', 'status'],
      groupBy: 'status',
      orderBy: [],
      rowLimit: 100,
    },
  ],
  dayLogs: [
    {
      title: 'Days logged in the last year',
      fields: ['date', 'days', 'note', 'activityId'],
      where: { op: 'Geq', field: 'date', value: { today: -365 } },
      orderBy: [{ field: 'date', ascending: false }],
      rowLimit: 100,
    },
  ],
};

export interface ViewCreationBody {
  readonly parameters: {
    readonly __metadata: { readonly type: 'SP.ViewCreationInformation' };
    readonly Title: string;
    readonly ViewFields: {
      readonly __metadata: { readonly type: 'Collection(Edm.String)' };
      readonly results: readonly string[];
    };
    readonly Query: string;
    readonly RowLimit: number;
    readonly Paged: true;
    readonly PersonalView: false;
    readonly SetAsDefaultView: false;
    /** SP.ViewType.html */
    readonly ViewTypeKind: 1;
  };
}

export interface ViewPlan {
  /** The schema's list key. */
  readonly list: string;
  /** The SharePoint list title. */
  readonly listName: string;
  readonly title: string;
  readonly method: 'POST';
  /** Relative to the site URL, already URL-encoded. */
  readonly path: string;
  readonly headers: {
    readonly Accept: 'application/json;odata=verbose';
    readonly 'Content-Type': 'application/json;odata=verbose';
  };
  readonly body: ViewCreationBody;
  /** Schema fields the view shows that hold ids of other items (shown as ids, not names). */
  readonly referenceFields: readonly string[];
}

/** OData string literal: a quote is doubled. */
export const odataString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const xml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** CAML's Value Type for a column (https://learn.microsoft.com/sharepoint/dev/schema/value-element-query). */
function camlType(column: Column): string {
  switch (column.kind) {
    case 'choice':
      return 'Choice';
    case 'number':
      return 'Number';
    case 'date':
    case 'dateTime':
      return 'DateTime';
    case 'boolean':
      return 'Boolean';
    case 'text':
    case 'ref':
      return 'Text';
    default:
      return 'Note';
  }
}

export interface ViewListContext {
  readonly key: string;
  readonly name: string;
  readonly schema: ListSchema;
  /** Schema field → internal column name. */
  readonly columnOf: (field: string) => string;
}

/** The REST request for one view spec, and any problems with it. */
export function viewPlanOf(
  list: ViewListContext,
  spec: ViewSpec,
): { view: ViewPlan; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = `view "${spec.title}" on ${list.key}`;
  const columnFor = (field: string): Column | undefined =>
    Object.hasOwn(list.schema.columns, field) ? list.schema.columns[field] : undefined;
  /** The internal name for a field; a field the list lacks is reported and kept as given. */
  const nameOf = (field: string): string => {
    if (columnFor(field)) return list.columnOf(field);
    issues.push({
      level: 'error',
      message: `${where} names ${field}, which the list does not have.`,
    });
    return field;
  };
  const fieldRef = (field: string, attributes = ''): string =>
    `<FieldRef Name="${xml(nameOf(field))}"${attributes} />`;

  const leaves: string[] = [];
  const valueXml = (column: Column | undefined, field: string, value: Value): string => {
    if (!column) return `<Value Type="Text">${xml(String(value))}</Value>`;
    if (typeof value === 'object') {
      if (column.kind !== 'date' && column.kind !== 'dateTime') {
        issues.push({
          level: 'error',
          message: `${where} compares ${field} with today, but it is not a date.`,
        });
      }
      const offset = value.today === 0 ? '' : ` OffsetDays="${value.today}"`;
      return `<Value Type="DateTime"><Today${offset} /></Value>`;
    }
    if (column.kind === 'choice' && !column.choices.includes(String(value))) {
      issues.push({
        level: 'error',
        message: `${where} filters ${field} on "${String(value)}", which is not one of its choices.`,
      });
    }
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    return `<Value Type="${camlType(column)}">${xml(text)}</Value>`;
  };
  const render = (condition: Condition): string => {
    // CAML's <And> takes exactly two children: nestAnd nests the rest to the right.
    if (condition.op === 'And') return nestAnd(condition.conditions.map(render));
    const column = columnFor(condition.field);
    leaves.push(condition.field);
    if (
      column &&
      (column.kind === 'note' || column.kind === 'refs' || column.kind === 'multiChoice')
    ) {
      issues.push({
        level: 'error',
        message: `${where} filters on ${condition.field} (${column.kind}), which SharePoint cannot filter on an index.`,
      });
    }
    const ref = fieldRef(condition.field);
    switch (condition.op) {
      case 'In':
        return `<In>${ref}<Values>${condition.values
          .map((value) => valueXml(column, condition.field, value))
          .join('')}</Values></In>`;
      case 'IsNull':
      case 'IsNotNull':
        return `<${condition.op}>${ref}</${condition.op}>`;
      default:
        return `<${condition.op}>${ref}${valueXml(column, condition.field, condition.value)}</${condition.op}>`;
    }
  };

  const parts: string[] = [];
  if (spec.groupBy !== undefined) {
    parts.push(`<GroupBy Collapse="FALSE" GroupLimit="30">${fieldRef(spec.groupBy)}</GroupBy>`);
  }
  if (spec.orderBy.length > 0) {
    const refs = spec.orderBy.map(({ field, ascending }) =>
      fieldRef(field, ` Ascending="${ascending ? 'TRUE' : 'FALSE'}"`),
    );
    parts.push(`<OrderBy>${refs.join('')}</OrderBy>`);
  }
  if (spec.where) {
    parts.push(`<Where>${render(spec.where)}</Where>`);
    const [first] = leaves;
    const firstColumn = first === undefined ? undefined : columnFor(first);
    if (firstColumn && firstColumn.indexed !== true && firstColumn.unique !== true) {
      issues.push({
        level: 'warning',
        message: `${where} filters first on ${first}, which is not indexed: it will fail once the list passes 5,000 items.`,
      });
    }
  }

  const viewFields = spec.fields.map((field) => {
    if (!columnFor(field)) {
      issues.push({
        level: 'error',
        message: `${where} shows ${field}, which the list does not have.`,
      });
      return field;
    }
    const name = list.columnOf(field);
    // LinkTitle is the computed column that shows Title as a link to the item.
    return name === TITLE ? 'LinkTitle' : name;
  });
  const referenceFields = spec.fields.filter((field) => {
    const kind = columnFor(field)?.kind;
    return kind === 'ref' || kind === 'refs';
  });

  return {
    view: {
      list: list.key,
      listName: list.name,
      title: spec.title,
      method: 'POST',
      path: `/_api/web/lists/GetByTitle(${encodeURIComponent(odataString(list.name))})/views/add`,
      headers: {
        Accept: 'application/json;odata=verbose',
        'Content-Type': 'application/json;odata=verbose',
      },
      body: {
        parameters: {
          __metadata: { type: 'SP.ViewCreationInformation' },
          Title: spec.title,
          ViewFields: {
            __metadata: { type: 'Collection(Edm.String)' },
            results: viewFields,
          },
          Query: parts.join(''),
          RowLimit: spec.rowLimit,
          Paged: true,
          PersonalView: false,
          SetAsDefaultView: false,
          ViewTypeKind: 1,
        },
      },
      referenceFields,
    },
    issues,
  };
}

/** `<And>` of two or more conditions, nested to the right. */
function nestAnd(parts: readonly string[]): string {
  const [first, ...rest] = parts;
  if (first === undefined) return '';
  if (rest.length === 0) return first;
  return `<And>${first}${nestAnd(rest)}</And>`;
}
