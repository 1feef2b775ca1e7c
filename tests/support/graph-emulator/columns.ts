import { randomUUID } from 'node:crypto';
import { invalidRequest } from './errors.js';

/**
 * Column definitions, as Graph's columnDefinition resource describes them:
 * https://learn.microsoft.com/graph/api/resources/columndefinition
 * (microsoft-graph-docs-contrib `api-reference/v1.0/resources/columndefinition.md`).
 *
 * "The type-related properties (boolean, calculated, choice, currency, dateTime, lookup, number,
 * personOrGroup, text, term, hyperlinkOrPicture, thumbnail, and contentApprovalStatus) are
 * mutually exclusive; a column can only have one of them specified." (same page)
 */
export const COLUMN_TYPES = [
  'boolean',
  'calculated',
  'choice',
  'currency',
  'dateTime',
  'geolocation',
  'lookup',
  'number',
  'personOrGroup',
  'text',
  'term',
  'hyperlinkOrPicture',
  'thumbnail',
  'contentApprovalStatus',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Kinds the emulator also uses for built-in columns that have no Graph facet. */
export type ColumnKind = ColumnType | 'counter' | 'computed';

export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  kind: ColumnKind;
  /** The type facet's settings, e.g. text: { allowMultipleLines, maxLength }. */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  builtIn: boolean;
}

/**
 * Facet defaults as Graph reports them for a column created with an empty facet, e.g. the
 * `"text": { }` and `"number": { }` of the list-create example
 * (https://learn.microsoft.com/graph/api/list-create). The values follow the facet resource pages
 * (textColumn, choiceColumn, numberColumn, dateTimeColumn, lookupColumn, personOrGroupColumn);
 * 255 is SharePoint's single-line-of-text limit.
 */
const FACET_DEFAULTS: Partial<Record<ColumnType, Record<string, unknown>>> = {
  text: {
    allowMultipleLines: false,
    appendChangesToExistingText: false,
    linesForEditing: 0,
    maxLength: 255,
  },
  choice: { allowTextEntry: true, choices: [], displayAs: 'dropDownMenu' },
  number: { decimalPlaces: 'automatic', displayAs: 'number' },
  currency: { locale: 'en-gb' },
  dateTime: { displayAs: 'default', format: 'dateTime' },
  boolean: {},
  lookup: { allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title' },
  personOrGroup: {
    allowMultipleSelection: false,
    chooseFromType: 'peopleOnly',
    displayAs: 'nameWithPresence',
  },
};

/**
 * The columns every genericList has. "If the list facet or template is unspecified, the list
 * defaults to the genericList template, which includes a Title column."
 * (https://learn.microsoft.com/graph/api/list-create). The others are the standard SharePoint
 * fields that Graph returns in every item's fieldValueSet (see `resources.ts`); their ids are
 * SharePoint's well-known field ids.
 */
export function builtInColumns(): Column[] {
  const base = (
    id: string,
    name: string,
    kind: ColumnKind,
    extra: Partial<Column> = {},
  ): Column => ({
    id,
    name,
    displayName: name,
    description: '',
    columnGroup: '_Hidden',
    kind,
    facet: kind in FACET_DEFAULTS ? { ...FACET_DEFAULTS[kind as ColumnType] } : {},
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    hidden: false,
    readOnly: true,
    builtIn: true,
    ...extra,
  });
  return [
    base('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'text', {
      columnGroup: 'Custom Columns',
      readOnly: false,
      required: true,
    }),
    // SharePoint indexes the item id: it is always usable in a filter, whatever the list's size.
    base('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'counter', { indexed: true }),
    base('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'computed'),
    base('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'dateTime'),
    base('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'dateTime'),
    base('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'personOrGroup', {
      displayName: 'Created By',
    }),
    base('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'personOrGroup', {
      displayName: 'Modified By',
    }),
    base('dce8262a-3ae9-45aa-aab4-83bd75fb738a', '_UIVersionString', 'text', {
      displayName: 'Version',
    }),
    base('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'boolean'),
  ];
}

const DEFINITION_KEYS = new Set([
  'name',
  'displayName',
  'description',
  'columnGroup',
  'indexed',
  'enforceUniqueValues',
  'required',
  'hidden',
  'readOnly',
  'defaultValue',
  'validation',
  'id',
  '@odata.type',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const boolOr = (value: unknown, fallback: boolean, property: string): boolean => {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidRequest(`Invalid value for property '${property}'.`);
  return value;
};

/** A column's API name from its display name when the caller gives none (spaces dropped). */
const nameFrom = (displayName: string) => displayName.replace(/[^A-Za-z0-9_]/g, '');

/** Builds a column from a POST body (list create's `columns[]` or POST .../columns). */
export function columnFromDefinition(body: unknown): Column {
  if (!isRecord(body)) throw invalidRequest('A column definition must be a JSON object.');
  const facets = COLUMN_TYPES.filter((type) => body[type] !== undefined);
  for (const key of Object.keys(body)) {
    if (!DEFINITION_KEYS.has(key) && !(COLUMN_TYPES as readonly string[]).includes(key)) {
      throw invalidRequest(
        `Property '${key}' does not exist on type 'microsoft.graph.columnDefinition'.`,
      );
    }
  }
  if (facets.length !== 1) {
    throw invalidRequest(
      facets.length === 0
        ? 'A column definition needs one type facet (text, choice, number, dateTime, ...).'
        : `Column type facets are mutually exclusive; got ${facets.join(', ')}.`,
    );
  }
  const kind = facets[0] as ColumnType;
  const facetValue = body[kind];
  if (!isRecord(facetValue)) throw invalidRequest(`The '${kind}' facet must be a JSON object.`);
  const displayName =
    typeof body.displayName === 'string' && body.displayName !== ''
      ? body.displayName
      : typeof body.name === 'string'
        ? body.name
        : '';
  const name =
    typeof body.name === 'string' && body.name !== '' ? body.name : nameFrom(displayName);
  if (!name) throw invalidRequest("A column needs a 'name' or a 'displayName'.");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw invalidRequest(`'${name}' is not a valid column name.`);
  }
  const column: Column = {
    id: randomUUID(),
    name,
    displayName: displayName || name,
    description: typeof body.description === 'string' ? body.description : '',
    columnGroup: typeof body.columnGroup === 'string' ? body.columnGroup : 'Custom Columns',
    kind,
    facet: { ...FACET_DEFAULTS[kind], ...facetValue },
    indexed: boolOr(body.indexed, false, 'indexed'),
    enforceUniqueValues: boolOr(body.enforceUniqueValues, false, 'enforceUniqueValues'),
    required: boolOr(body.required, false, 'required'),
    hidden: boolOr(body.hidden, false, 'hidden'),
    readOnly: boolOr(body.readOnly, false, 'readOnly'),
    builtIn: false,
  };
  checkColumnRules(column);
  return column;
}

/** True for columns whose values are collections (SharePoint's multi-value fields). */
export function isMultiValue(column: Column): boolean {
  if (column.kind === 'choice') return column.facet.displayAs === 'checkBoxes';
  if (column.kind === 'lookup') return column.facet.allowMultipleValues === true;
  if (column.kind === 'personOrGroup') return column.facet.allowMultipleSelection === true;
  return false;
}

/**
 * SharePoint's indexing and uniqueness rules.
 *
 * Uniqueness needs an index: SharePoint refuses EnforceUniqueValues on a column that is not
 * indexed ("The field must first be indexed to enforce unique values."; the Graph error for it is
 * not documented, so the emulator answers 400 invalidRequest with SharePoint's message).
 * Which column types can be indexed and made unique is documented for SharePoint in
 * "Enforcing Uniqueness in Column Values":
 * https://learn.microsoft.com/previous-versions/office/developer/sharepoint-2010/ee536168(v=office.14)
 * (multiple lines of text cannot be indexed; unique constraints are not supported on multi-value
 * lookups, multi-choice, or yes/no columns).
 */
export function checkColumnRules(column: Column): void {
  const multiLineText = column.kind === 'text' && column.facet.allowMultipleLines === true;
  if (column.indexed && multiLineText) {
    throw invalidRequest(`Column '${column.name}' cannot be indexed: multiple lines of text.`);
  }
  if (column.enforceUniqueValues) {
    if (!column.indexed) {
      throw invalidRequest('The field must first be indexed to enforce unique values.');
    }
    if (multiLineText || column.kind === 'boolean' || isMultiValue(column)) {
      throw invalidRequest(`Column '${column.name}' cannot enforce unique values.`);
    }
  }
}

/** Applies a PATCH body to a column (https://learn.microsoft.com/graph/api/columndefinition-update). */
export function patchColumn(column: Column, body: unknown): Column {
  if (!isRecord(body)) throw invalidRequest('The request body must be a JSON object.');
  const next: Column = { ...column, facet: { ...column.facet } };
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'displayName':
      case 'description':
      case 'columnGroup':
        if (typeof value !== 'string') throw invalidRequest(`Invalid value for property '${key}'.`);
        next[key] = value;
        break;
      case 'indexed':
      case 'enforceUniqueValues':
      case 'required':
      case 'hidden':
        next[key] = boolOr(value, column[key], key);
        break;
      case 'name':
      case 'id':
        if (value !== column[key]) throw invalidRequest(`Property '${key}' is read-only.`);
        break;
      case '@odata.type':
        break;
      default:
        if (key === column.kind && isRecord(value) && !column.builtIn) {
          next.facet = { ...next.facet, ...value };
        } else if ((COLUMN_TYPES as readonly string[]).includes(key)) {
          throw invalidRequest(`A column's type cannot be changed to '${key}'.`);
        } else {
          throw invalidRequest(
            `Property '${key}' does not exist on type 'microsoft.graph.columnDefinition'.`,
          );
        }
    }
  }
  if (column.builtIn && column.name === 'ID' && !next.indexed) {
    throw invalidRequest("The 'ID' column is always indexed.");
  }
  checkColumnRules(next);
  return next;
}
