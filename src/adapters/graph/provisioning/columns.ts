import type { Column } from '../../../domain/lists/columns.js';
import type { ColumnDefinition, TextFacet } from './graph-types.js';
import { TITLE } from './names.js';

/**
 * One schema column → one Graph v1.0 columnDefinition body
 * (https://learn.microsoft.com/graph/api/resources/columndefinition), with what could not be
 * expressed reported as an issue rather than silently changed.
 *
 * | schema       | facet      | settings                                                        |
 * | ------------ | ---------- | --------------------------------------------------------------- |
 * | text         | text       | allowMultipleLines false, maxLength (1 to 255)                   |
 * | note         | text       | allowMultipleLines true, plain text, no maxLength; never indexed |
 * | choice       | choice     | choices, allowTextEntry false, displayAs dropDownMenu            |
 * | multiChoice  | text       | multi-line plain text holding a JSON array (see below)           |
 * | number       | number     | decimalPlaces none when integer, minimum, maximum                |
 * | date         | dateTime   | format dateOnly                                                  |
 * | dateTime     | dateTime   | format dateTime                                                  |
 * | boolean      | boolean    | (no settings)                                                    |
 * | ref          | text       | single line, 255: the target item's id (see below)               |
 * | refs         | text       | multi-line plain text holding a JSON array of ids                |
 *
 * **text.** SharePoint's single line of text holds 1 to 255 characters ("Its value must be equal
 * to or greater than 1. Its value must be equal to or less than 255",
 * https://learn.microsoft.com/previous-versions/office/developer/sharepoint-2010/ee541910(v=office.14),
 * FieldText.MaxLength); textColumn.maxLength carries it
 * (https://learn.microsoft.com/graph/api/resources/textcolumn). A longer text must be a note.
 *
 * **note.** textColumn with allowMultipleLines: true. SharePoint's multi-line text field has no
 * maximum-length setting (the object model's FieldMultiLineText has numberOfLines, 1 to 1000,
 * https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj246462(v=office.15), and
 * no MaxLength, which belongs to the single-line FieldText), so maxLength is not sent and the
 * schema's maxLength stays the application's check (zod). Plain
 * text (`textType: plain`), so what is stored is exactly what the identifiable-data guard passed,
 * never HTML, and not append-only (appendChangesToExistingText would turn a PATCH into a log).
 * SharePoint cannot index multiple lines of text, nor multi-value choice, lookup or person columns
 * (the table in Microsoft's support article "Add an index to a list or library column"; not
 * retrievable here, quoted from third-party copies of it, so UNVERIFIED in its details): a note marked `indexed` or `unique` is an error in the plan and is left unindexed, because the
 * repository would treat it as filterable (`isFilterable` in src/domain/lists/columns.ts) and
 * SharePoint would refuse the filter past 5,000 items.
 *
 * **choice.** allowTextEntry false: values outside the schema's choices are refused by
 * SharePoint as well as by the API (https://learn.microsoft.com/graph/api/resources/choicecolumn).
 * The choices are the schema's slugs (`partially-accept`), the values the app stores and filters
 * on; readable labels would need a mapping in the adapter.
 *
 * **multiChoice.** Graph v1.0 cannot create a multi-select choice column: choiceColumn has no
 * multiple-values property (unlike lookupColumn.allowMultipleValues and
 * personOrGroupColumn.allowMultipleSelection); an existing multi-select column reads back as
 * `displayAs: checkBoxes`, but creating one with `checkBoxes` is refused
 * (microsoftgraph/microsoft-graph-docs-contrib#147, "displayAs field cannot be set to
 * checkBoxes"; #7825 shows the read-back shape). The fallback: multi-line plain text holding the
 * JSON array the embedded store also keeps (`toSql` in src/adapters/sqlite/ddl.ts), never
 * indexed (arrays are not filterable: `isFilterable`), with a warning. A real MultiChoice column
 * could be created through SharePoint REST (`fields/CreateFieldAsXml`, Type="MultiChoice") once
 * provisioning talks SharePoint REST for the views anyway; values would then be written through
 * Graph as `Collection(Edm.String)`.
 *
 * **number.** decimalPlaces and displayAs "apply to how numbers are rendered, not stored"
 * (https://learn.microsoft.com/graph/api/resources/numbercolumn): `integer` is shown without
 * decimals, and stays the application's check. minimum/maximum are enforced by SharePoint.
 *
 * **date / dateTime.** dateTimeColumn.format dateOnly or dateTime
 * (https://learn.microsoft.com/graph/api/resources/datetimecolumn). The adapter must turn a
 * dateOnly value read back from Graph into `YYYY-MM-DD` in the site's time zone (UNVERIFIED how a
 * given site returns it: check against a real site), and SharePoint keeps whole seconds, so a
 * dateTime with milliseconds does not round-trip byte for byte.
 *
 * **ref / refs: a text column holding the id, not a lookup.** A lookup column would show
 * executives the target's title in SharePoint, but:
 * - a lookup stores the target's SharePoint integer item id (Graph returns it as
 *   `{Name}LookupId`: https://learn.microsoft.com/graph/api/resources/fieldvalueset), so every
 *   reference would depend on how one site numbered its items; the domain's ids are opaque
 *   strings (UUIDs in the embedded store), and moving data into a site would renumber them;
 * - "Although you can index a lookup column to improve performance, using an indexed lookup
 *   column to prevent exceeding the list view threshold does not work. Use another type of
 *   column as the primary or secondary index"
 *   (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee570029(v=office.15),
 *   SPFieldLookup.Indexed). Our indexed refs (an action's recommendation, a delivery's
 *   recommendation) are exactly the filters that must keep working past 5,000 items, and Graph
 *   filters on one indexed field at a time;
 * - a query may request at most 12 lookup fields ("Up to 12 lookup fields may be requested in a
 *   single query", fieldvalueset), person columns included;
 * - a lookup needs the target list's id when it is created, so lists would have to be created in
 *   order, and the schema has a cycle (findings ↔ observations);
 * - multi-value lookups (our refs) cannot be indexed at all.
 * So `ref` is single-line text (255) holding the target's id, indexed where the schema says, and
 * `refs` is a JSON array in multi-line text. The cost: SharePoint views show ids, not names, for
 * references (reported as a warning on the executive views). Lookup and person columns are still
 * counted per list (`lookupCount`) so that if one is planned later, the 12-per-query limit is
 * checked.
 *
 * **personOrGroup.** Not used: people are items of CF People (with their Entra object id), many
 * are guests from partner tenants, and a person column needs the site's User Information List id
 * for each, which Graph cannot ensure (no `ensureUser`: SharePoint REST `/_api/web/ensureuser`).
 * A person column would also count against the 12 lookups.
 */

export interface Issue {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export const SINGLE_LINE_MAX = 255;
/** An id: the embedded store's UUIDs, or a SharePoint item id, fit comfortably. */
export const REF_MAX = 255;

export interface ColumnContext {
  /** `list.field`, for messages. */
  readonly where: string;
  /** The internal name (from `internalNameOf`). */
  readonly name: string;
  /** The SharePoint title of the list a ref or refs column points at, when known. */
  readonly targetTitle?: string;
}

const noteFacet = (linesForEditing: number): TextFacet => ({
  allowMultipleLines: true,
  textType: 'plain',
  linesForEditing,
  appendChangesToExistingText: false,
});

/** Kinds SharePoint can index (single-valued columns other than multiple lines of text). */
function indexable(column: Column): boolean {
  return column.kind !== 'note' && column.kind !== 'refs' && column.kind !== 'multiChoice';
}

/**
 * Kinds SharePoint can enforce unique values on. Yes/No is not among them (UNVERIFIED: the
 * support article on unique columns lists text, choice, number, currency, date, lookup, person
 * and managed metadata); multi-valued and multi-line columns cannot be.
 */
function uniqueSupported(column: Column): boolean {
  return indexable(column) && column.kind !== 'boolean';
}

function descriptionOf(column: Column, ctx: ColumnContext): string {
  const target = ctx.targetTitle ?? 'another list';
  switch (column.kind) {
    case 'ref':
      return `${column.label}: the id of an item in ${target}.`;
    case 'refs':
      return `${column.label}: a JSON array of ids of items in ${target}.`;
    case 'multiChoice':
      return `${column.label}: a JSON array of values from the app's choices.`;
    case 'text':
    case 'note':
      return column.freeText
        ? `${column.label}. Checked for identifiable data before it is stored.`
        : column.label;
    default:
      return column.label;
  }
}

/** The Graph body for one schema column, and what the plan has to say about it. */
export function columnDefinitionOf(
  column: Column,
  ctx: ColumnContext,
): { definition: ColumnDefinition; issues: Issue[] } {
  const issues: Issue[] = [];
  const wantsIndex = column.indexed === true || column.unique === true;
  const canIndex = indexable(column);
  const indexed = wantsIndex && canIndex;
  const enforceUniqueValues = column.unique === true && uniqueSupported(column);

  if (column.kind === 'note' && wantsIndex) {
    issues.push({
      level: 'error',
      message:
        `${ctx.where} is multiple lines of text (a note) marked ${column.unique ? 'unique' : 'indexed'}: ` +
        'SharePoint cannot index a note, so it is planned unindexed and filtering on it would fail past ' +
        '5,000 items. Make it a text column (up to 255 characters) or drop the flag.',
    });
  } else if (column.unique === true && !uniqueSupported(column)) {
    issues.push({
      level: 'error',
      message: `${ctx.where} (${column.kind}) is marked unique, which SharePoint cannot enforce on this kind of column.`,
    });
  } else if (wantsIndex && !canIndex) {
    issues.push({
      level: 'warning',
      message: `${ctx.where} (${column.kind}) is marked indexed, but arrays are not filterable (isFilterable) and SharePoint cannot index them: planned unindexed.`,
    });
  }

  const base = {
    name: ctx.name,
    displayName: column.label,
    description: descriptionOf(column, ctx),
    required: column.required === true,
    indexed,
    enforceUniqueValues,
  };

  switch (column.kind) {
    case 'text': {
      let maxLength = column.maxLength;
      if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > SINGLE_LINE_MAX) {
        issues.push({
          level: 'error',
          message: `${ctx.where} is single-line text with maxLength ${maxLength}: SharePoint allows 1 to ${SINGLE_LINE_MAX}. Use a note for longer text.`,
        });
        maxLength = SINGLE_LINE_MAX;
      }
      return { definition: { ...base, text: { allowMultipleLines: false, maxLength } }, issues };
    }
    case 'note':
      return { definition: { ...base, text: noteFacet(6) }, issues };
    case 'choice':
      return {
        definition: {
          ...base,
          choice: {
            choices: [...column.choices],
            allowTextEntry: false,
            displayAs: 'dropDownMenu',
          },
        },
        issues,
      };
    case 'multiChoice':
      issues.push({
        level: 'warning',
        message:
          `${ctx.where} is a multi-select choice: Graph v1.0 cannot create one, so it is planned as ` +
          'multi-line text holding a JSON array (not filterable in SharePoint).',
      });
      return { definition: { ...base, text: noteFacet(3) }, issues };
    case 'number':
      return {
        definition: {
          ...base,
          number: {
            decimalPlaces: column.integer ? 'none' : 'automatic',
            displayAs: 'number',
            ...(column.min !== undefined ? { minimum: column.min } : {}),
            ...(column.max !== undefined ? { maximum: column.max } : {}),
          },
        },
        issues,
      };
    case 'date':
      return {
        definition: { ...base, dateTime: { format: 'dateOnly', displayAs: 'standard' } },
        issues,
      };
    case 'dateTime':
      return {
        definition: { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } },
        issues,
      };
    case 'boolean':
      return { definition: { ...base, boolean: {} }, issues };
    case 'ref':
      return {
        definition: { ...base, text: { allowMultipleLines: false, maxLength: REF_MAX } },
        issues,
      };
    case 'refs':
      issues.push({
        level: 'warning',
        message: `${ctx.where} holds several ids as a JSON array in multi-line text (not a multi-value lookup): SharePoint views cannot filter or group on it.`,
      });
      return { definition: { ...base, text: noteFacet(3) }, issues };
    default:
      return column satisfies never;
  }
}

/**
 * The built-in Title column of a list whose schema has no `title` field: left in place (Graph
 * cannot remove it), not required, so items the app creates without it are valid in SharePoint's
 * forms too. Applying the plan PATCHes it (https://learn.microsoft.com/graph/api/columndefinition-update).
 */
export const unusedTitleColumn: ColumnDefinition = {
  name: TITLE,
  displayName: 'Title',
  description: 'Not used by Critical Friend.',
  required: false,
  indexed: false,
  enforceUniqueValues: false,
  text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX },
};
