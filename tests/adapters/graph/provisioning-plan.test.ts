import { describe, expect, it } from 'vitest';
import type { Column, ListSchema } from '../../../src/domain/lists/columns.js';
import { listNames, lists } from '../../../src/domain/lists/schema.js';
import { isFilterable } from '../../../src/domain/lists/columns.js';
import {
  BUILT_IN_NAMES,
  EVIDENCE_LIBRARY,
  MAX_INDEXES_PER_LIST,
  MAX_LOOKUPS_PER_QUERY,
  TITLE,
  columnNameOf,
  evidenceLibrary,
  executiveLists,
  executiveViews,
  lookupCount,
  planJson,
  provisioningPlan,
  systemColumnNames,
  type ColumnDefinition,
  type ListPlan,
  type ProvisioningPlan,
} from '../../../src/adapters/graph/provisioning-plan.js';

const plan = provisioningPlan();
const schemas: Readonly<Record<string, ListSchema>> = lists;

const listPlan = (key: string, p: ProvisioningPlan = plan): ListPlan => {
  const found = p.lists.find((l) => l.key === key);
  if (!found) throw new Error(`no plan for ${key}`);
  return found;
};
const columnIn = (list: ListPlan, name: string): ColumnDefinition => {
  const found = list.columns.find((c) => c.name === name);
  if (!found) throw new Error(`${list.key} has no column ${name}`);
  return found;
};
/** Every (list, field, column) of the app's schema, plus the evidence library. */
const everyField: [ListPlan, string, Column][] = [
  ...plan.lists.flatMap((list) =>
    Object.entries(schemas[list.key]?.columns ?? {}).map(
      ([field, column]) => [list, field, column] as [ListPlan, string, Column],
    ),
  ),
  ...Object.entries(evidenceLibrary.columns).map(
    ([field, column]) => [plan.library, field, column] as [ListPlan, string, Column],
  ),
];

/** Plans a one-list schema (for the cases the app's schema does not have). */
function planOf(columns: Record<string, Column>): { plan: ProvisioningPlan; list: ListPlan } {
  const p = provisioningPlan(
    { probe: { title: 'CF Probe', description: 'A test list.', columns } },
    {},
  );
  return { plan: p, list: listPlan('probe', p) };
}

describe('the provisioning plan: lists', () => {
  it('plans every schema list, in schema order, by its SharePoint title', () => {
    expect(plan.lists.map((l) => l.key)).toEqual(listNames);
    for (const list of plan.lists) {
      expect(list.name).toBe(schemas[list.key]?.title);
      expect(list.description).toBe(schemas[list.key]?.description);
      expect(list.template).toBe('genericList');
    }
    expect(plan.lists.map((l) => l.name)).toContain('CF Recommendations');
  });

  it('marks the tracker as executive and the app-written lists as system', () => {
    expect(listPlan('recommendations').audience).toBe('executive');
    expect(listPlan('actions').audience).toBe('executive');
    expect(listPlan('slgItems').audience).toBe('executive');
    for (const key of [
      'cardDeliveries',
      'reminderNotices',
      'emailOutbox',
      'conversations',
      'responseLinks',
    ]) {
      expect(listPlan(key).audience).toBe('system');
    }
    expect(listPlan('people').audience).toBe('working');
  });

  it('plans the evidence library as a document library, the same way', () => {
    expect(plan.library.name).toBe('CF Evidence');
    expect(plan.library.template).toBe('documentLibrary');
    expect(plan.library.key).toBe(EVIDENCE_LIBRARY);
    expect(columnIn(plan.library, 'screening').choice?.choices).toEqual([
      'text-checked',
      'attested',
    ]);
    expect(columnIn(plan.library, 'itemId').indexed).toBe(true);
    expect(columnIn(plan.library, 'sha256').indexed).toBe(true);
    expect(columnIn(plan.library, 'itemList').choice?.choices).toEqual(listNames);
    // The file's name is the built-in Title; nothing is required (the adapter enforces it).
    expect(plan.library.fieldColumns.title).toBe(TITLE);
    expect(plan.library.columns.filter((c) => c.required)).toEqual([]);
  });

  it('has no errors for the app schema', () => {
    expect(plan.errors).toEqual([]);
  });
});

describe('the provisioning plan: columns', () => {
  it('plans every schema column, mapped to a planned column with exactly one facet', () => {
    for (const [list, field, column] of everyField) {
      const name = list.fieldColumns[field];
      expect(name, `${list.key}.${field}`).toBeDefined();
      const def = columnIn(list, name ?? '');
      expect(def.displayName).toBe(column.label);
      expect(def.required).toBe(column.required === true);
      expect(def.description.startsWith(column.label)).toBe(true);
      const facets = ['text', 'choice', 'number', 'dateTime', 'boolean', 'lookup', 'personOrGroup'];
      expect(
        facets.filter((f) => f in def),
        `${list.key}.${field}`,
      ).toHaveLength(1);
    }
  });

  it('gives each kind the right facet and settings', () => {
    for (const [list, field, column] of everyField) {
      const def = columnIn(list, list.fieldColumns[field] ?? '');
      const where = `${list.key}.${field}`;
      switch (column.kind) {
        case 'text':
          expect(def.text, where).toEqual({
            allowMultipleLines: false,
            maxLength: column.maxLength,
          });
          expect(column.maxLength).toBeLessThanOrEqual(255);
          break;
        case 'note':
          expect(def.text?.allowMultipleLines, where).toBe(true);
          expect(def.text?.maxLength, where).toBeUndefined();
          expect(def.text?.textType, where).toBe('plain');
          break;
        case 'choice':
          expect(def.choice, where).toEqual({
            choices: [...column.choices],
            allowTextEntry: false,
            displayAs: 'dropDownMenu',
          });
          break;
        case 'multiChoice':
        case 'refs':
          expect(def.text?.allowMultipleLines, where).toBe(true);
          expect(def.indexed, where).toBe(false);
          break;
        case 'number':
          expect(def.number?.decimalPlaces, where).toBe(column.integer ? 'none' : 'automatic');
          expect(def.number?.minimum, where).toBe(column.min);
          expect(def.number?.maximum, where).toBe(column.max);
          break;
        case 'date':
          expect(def.dateTime?.format, where).toBe('dateOnly');
          break;
        case 'dateTime':
          expect(def.dateTime?.format, where).toBe('dateTime');
          break;
        case 'boolean':
          expect(def.boolean, where).toEqual({});
          break;
        case 'ref':
          expect(def.text, where).toEqual({ allowMultipleLines: false, maxLength: 255 });
          expect(def.description, where).toContain(
            schemas[column.list]?.title ?? 'missing target list',
          );
          break;
        default:
          throw new Error(`untested kind in ${where}`);
      }
    }
  });

  it('indexes every filterable column and every unique column, and nothing else', () => {
    let filterable = 0;
    for (const [list, field, column] of everyField) {
      const def = columnIn(list, list.fieldColumns[field] ?? '');
      const where = `${list.key}.${field}`;
      if (isFilterable(column)) filterable++;
      expect(def.indexed, where).toBe(isFilterable(column) || column.unique === true);
      expect(def.enforceUniqueValues, where).toBe(column.unique === true);
      if (def.enforceUniqueValues) expect(def.indexed, where).toBe(true);
    }
    expect(filterable).toBeGreaterThan(30);
    for (const list of [...plan.lists, plan.library]) {
      expect(list.indexCount).toBe(list.columns.filter((c) => c.indexed).length);
      expect(list.indexCount).toBeLessThanOrEqual(MAX_INDEXES_PER_LIST);
    }
  });

  it('indexes a unique column even when the schema does not say indexed', () => {
    const { plan: p, list } = planOf({
      key: { kind: 'text', label: 'Key', maxLength: 100, unique: true },
      flag: { kind: 'boolean', label: 'Flag', unique: true },
    });
    expect(columnIn(list, 'key')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(columnIn(list, 'flag').enforceUniqueValues).toBe(false);
    expect(p.errors).toEqual([
      'probe.flag (boolean) is marked unique, which SharePoint cannot enforce on this kind of column.',
    ]);
  });

  it('never indexes a note (multiple lines of text)', () => {
    for (const list of [...plan.lists, plan.library]) {
      for (const def of list.columns) {
        if (def.text?.allowMultipleLines)
          expect(def.indexed, `${list.key}.${def.name}`).toBe(false);
      }
    }
  });

  it('turns an indexed or unique note into an error, not a silent index', () => {
    const { plan: p, list } = planOf({
      summary: { kind: 'note', label: 'Summary', maxLength: 4000, indexed: true },
      code: { kind: 'note', label: 'Code', maxLength: 4000, unique: true },
    });
    expect(columnIn(list, 'summary').indexed).toBe(false);
    expect(columnIn(list, 'code').enforceUniqueValues).toBe(false);
    expect(p.errors.filter((e) => e.includes('probe.summary'))).toHaveLength(1);
    expect(p.errors.filter((e) => e.includes('probe.code'))).toHaveLength(1);
  });

  it('refuses single-line text over 255 and warns about indexed arrays', () => {
    const { plan: p, list } = planOf({
      long: { kind: 'text', label: 'Long', maxLength: 300 },
      tags: { kind: 'multiChoice', label: 'Tags', choices: ['a', 'b'], indexed: true },
    });
    expect(columnIn(list, 'long').text?.maxLength).toBe(255);
    expect(p.errors.some((e) => e.includes('probe.long'))).toBe(true);
    expect(columnIn(list, 'tags').indexed).toBe(false);
    expect(p.warnings.some((w) => w.includes('probe.tags') && w.includes('indexed'))).toBe(true);
  });

  it('warns about every multi-select choice (Graph cannot create one)', () => {
    for (const [list, field, column] of everyField) {
      if (column.kind !== 'multiChoice') continue;
      expect(
        plan.warnings.some((w) => w.startsWith(`${list.key}.${field} is a multi-select choice`)),
        `${list.key}.${field}`,
      ).toBe(true);
    }
  });

  it('warns when a list has more indexes than SharePoint is said to allow', () => {
    const columns = Object.fromEntries(
      Array.from({ length: MAX_INDEXES_PER_LIST + 1 }, (_, i) => [
        `key${i}`,
        { kind: 'text', label: `Key ${i}`, maxLength: 50, indexed: true } as Column,
      ]),
    );
    const { plan: p, list } = planOf(columns);
    expect(list.indexCount).toBe(MAX_INDEXES_PER_LIST + 1);
    expect(p.warnings.some((w) => w.startsWith('probe would have 21 indexed columns'))).toBe(true);
    expect(plan.warnings.some((w) => w.includes('indexed columns'))).toBe(false);
  });

  it('counts lookup and person columns against the 12 per query', () => {
    const lookup: ColumnDefinition = {
      name: 'x',
      displayName: 'X',
      description: '',
      required: false,
      indexed: false,
      enforceUniqueValues: false,
      lookup: { listId: 'list', columnName: 'Title', allowMultipleValues: false },
    };
    const person: ColumnDefinition = {
      name: 'y',
      displayName: 'Y',
      description: '',
      required: false,
      indexed: false,
      enforceUniqueValues: false,
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    };
    expect(lookupCount([lookup, person, columnIn(listPlan('people'), 'upn')])).toBe(2);
    expect(MAX_LOOKUPS_PER_QUERY).toBe(12);
    for (const list of plan.lists) expect(list.lookupCount).toBeLessThanOrEqual(12);
  });

  it('adds the system columns the repository port needs to every list, unindexed, last', () => {
    for (const list of [...plan.lists, plan.library]) {
      const tail = list.columns.slice(-systemColumnNames.length).map((c) => c.name);
      expect(tail).toEqual(systemColumnNames);
      for (const name of systemColumnNames) expect(columnIn(list, name).indexed).toBe(false);
    }
    expect(columnIn(listPlan('actions'), 'cfChannel').choice?.choices).toContain('teams-card');
  });
});

describe('the provisioning plan: column names', () => {
  const builtIns = new Set(BUILT_IN_NAMES.map((n) => n.toLowerCase()));

  it('creates no column whose name is a SharePoint built-in; only Title is reused', () => {
    for (const list of [...plan.lists, plan.library]) {
      const names = list.columns.map((c) => c.name);
      for (const name of names) {
        expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
        if (name !== TITLE)
          expect(builtIns.has(name.toLowerCase()), `${list.key}.${name}`).toBe(false);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size, list.key).toBe(names.length);
      expect(names.filter((n) => n === TITLE)).toHaveLength(1);
    }
  });

  it('stores the schema field `title` in the built-in Title, and leaves Title unused elsewhere', () => {
    for (const list of plan.lists) {
      const title = columnIn(list, TITLE);
      const field = schemas[list.key]?.columns.title;
      if (field) {
        expect(list.fieldColumns.title).toBe(TITLE);
        expect(title.displayName).toBe(field.label);
        expect(title.required).toBe(field.required === true);
      } else {
        expect(Object.values(list.fieldColumns)).not.toContain(TITLE);
        expect(title.required).toBe(false);
        expect(list.columns[0]).toBe(title);
      }
    }
    expect(columnIn(listPlan('planActivities'), TITLE).displayName).toBe('Activity');
  });

  it('columnNameOf gives the adapter the names the plan uses', () => {
    for (const [list, field] of everyField) {
      expect(columnNameOf(list.key, field)).toBe(list.fieldColumns[field]);
    }
    expect(columnNameOf('recommendations', 'title')).toBe('Title');
    expect(columnNameOf('responses', 'channel')).toBe('channel');
    expect(columnNameOf(EVIDENCE_LIBRARY, 'itemId')).toBe('itemId');
    expect(() => columnNameOf('nope', 'title')).toThrow(/Unknown list/);
    expect(() => columnNameOf('recommendations', 'nope')).toThrow(/no field/);
  });

  it('prefixes fields that collide with built-ins, case-insensitively', () => {
    const { plan: p, list } = planOf({
      created: { kind: 'dateTime', label: 'When' },
      ID: { kind: 'text', label: 'Code', maxLength: 20 },
      author: { kind: 'text', label: 'Writer', maxLength: 20 },
      ownerLookupId: { kind: 'text', label: 'Owner ref', maxLength: 20 },
      cfchannel: { kind: 'text', label: 'Way', maxLength: 20 },
      title: { kind: 'note', label: 'Heading', maxLength: 500 },
    });
    expect(list.fieldColumns).toEqual({
      created: 'cfCreated',
      ID: 'cfID',
      author: 'cfAuthor',
      ownerLookupId: 'cfOwnerLookupId',
      cfchannel: 'cfCfchannel',
      title: 'cfTitle',
    });
    const probe = {
      probe: {
        title: 'CF Probe',
        description: '',
        columns: { created: { kind: 'dateTime', label: 'When' } },
      },
    } satisfies Record<string, ListSchema>;
    expect(columnNameOf('probe', 'created', probe)).toBe('cfCreated');
    expect(p.warnings.some((w) => w.startsWith('probe.title is not single-line text'))).toBe(true);
    expect(p.errors).toEqual([]);
  });

  it('reports two fields that would share a column', () => {
    const { plan: p } = planOf({
      cfCreated: { kind: 'text', label: 'One', maxLength: 20 },
      created: { kind: 'text', label: 'Two', maxLength: 20 },
    });
    expect(p.errors.some((e) => e.includes('would both be the column cfCreated'))).toBe(true);
  });
});

describe('the provisioning plan: executive views', () => {
  it('plans views for executive lists only, as SharePoint REST views/add bodies', () => {
    expect(plan.views.length).toBeGreaterThanOrEqual(executiveLists.length);
    for (const view of plan.views) {
      const list = listPlan(view.list);
      expect(list.audience).toBe('executive');
      expect(view.method).toBe('POST');
      expect(view.path).toBe(
        `/_api/web/lists/GetByTitle('${encodeURIComponent(list.name)}')/views/add`,
      );
      const body = view.body.parameters;
      expect(body.__metadata.type).toBe('SP.ViewCreationInformation');
      expect(body.Title).toBe(view.title);
      expect(body.PersonalView).toBe(false);
      expect(body.RowLimit).toBeGreaterThan(0);
    }
    for (const key of executiveLists) {
      const count = plan.views.filter((v) => v.list === key).length;
      expect(count, key).toBeGreaterThanOrEqual(1);
      expect(count, key).toBeLessThanOrEqual(2);
    }
  });

  it('names only planned columns, and filters first on an indexed one', () => {
    for (const view of plan.views) {
      const list = listPlan(view.list);
      const names = new Set(list.columns.map((c) => c.name));
      for (const field of view.body.parameters.ViewFields.results) {
        expect(field === 'LinkTitle' || names.has(field), `${view.title}: ${field}`).toBe(true);
      }
      const refs = [...view.body.parameters.Query.matchAll(/<FieldRef Name="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      for (const ref of refs) expect(names.has(ref), `${view.title}: ${ref}`).toBe(true);
      const where = /<Where>.*?<FieldRef Name="([^"]+)"/.exec(view.body.parameters.Query);
      if (where?.[1]) expect(columnIn(list, where[1]).indexed, view.title).toBe(true);
    }
    const overdue = plan.views.find((v) => v.title === 'Overdue actions');
    expect(overdue?.body.parameters.Query).toContain(
      '<Where><And><Lt><FieldRef Name="targetDate" /><Value Type="DateTime"><Today /></Value></Lt>' +
        '<In><FieldRef Name="status" /><Values><Value Type="Choice">open</Value><Value Type="Choice">reopened</Value></Values></In></And></Where>',
    );
    expect(
      plan.views.find((v) => v.title === 'Open recommendations')?.body.parameters.ViewFields
        .results,
    ).toEqual(['reference', 'LinkTitle', 'priority', 'responseDueDate', 'issuedAt']);
  });

  it('reports a view that names a missing field or an unknown choice', () => {
    const p = provisioningPlan(lists, {
      ...executiveViews,
      actions: [
        {
          title: 'Broken',
          fields: ['nope'],
          where: { op: 'Eq', field: 'status', value: 'lost' },
          orderBy: [],
          rowLimit: 10,
        },
      ],
    });
    expect(p.errors).toEqual([
      'view "Broken" on actions filters status on "lost", which is not one of its choices.',
      'view "Broken" on actions shows nope, which the list does not have.',
    ]);
  });
});

describe('the provisioning plan: output', () => {
  it('prints as {"lists": [{"name", "columns": [{"name", "type", "indexed"}]}]}', () => {
    const json = JSON.parse(JSON.stringify(planJson(plan))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['lists', 'library', 'views', 'warnings', 'errors']);
    const printed = json.lists as { name: string; columns: Record<string, unknown>[] }[];
    expect(printed.map((l) => l.name)).toEqual(listNames.map((key) => lists[key].title));
    for (const list of printed) {
      expect(Object.keys(list)).toEqual(['name', 'columns']);
      for (const column of list.columns) {
        expect(Object.keys(column)).toEqual(['name', 'type', 'indexed']);
        expect([
          'text',
          'choice',
          'number',
          'dateTime',
          'boolean',
          'lookup',
          'personOrGroup',
        ]).toContain(column.type);
        expect(typeof column.indexed).toBe('boolean');
      }
    }
    const recommendations = printed.find((l) => l.name === 'CF Recommendations');
    expect(recommendations?.columns.find((c) => c.name === 'reference')).toEqual({
      name: 'reference',
      type: 'text',
      indexed: true,
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(provisioningPlan())).toBe(JSON.stringify(plan));
    expect(provisioningPlan()).toEqual(plan);
  });

  it('keeps schema column order, Title first only when unused', () => {
    for (const list of plan.lists) {
      const schemaOrder = Object.keys(schemas[list.key]?.columns ?? {}).map(
        (field) => list.fieldColumns[field],
      );
      const planned = list.columns
        .map((c) => c.name)
        .filter((name) => !systemColumnNames.includes(name as never))
        .filter((name) => name !== TITLE || schemaOrder.includes(TITLE));
      expect(planned, list.key).toEqual(schemaOrder);
    }
  });
});
