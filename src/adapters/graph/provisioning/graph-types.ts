/**
 * The Microsoft Graph v1.0 `columnDefinition` body, as far as provisioning writes it.
 *
 * Source: https://learn.microsoft.com/graph/api/resources/columndefinition
 * (microsoftgraph/microsoft-graph-docs-contrib `api-reference/v1.0/resources/columndefinition.md`):
 * "The type-related properties (boolean, calculated, choice, currency, dateTime, lookup, number,
 * personOrGroup, text, …) are mutually exclusive; a column can only have one of them specified."
 * `name` is "the API-facing name of the column as it appears in the fields on a listItem";
 * `displayName` is the user-facing name.
 */

/** https://learn.microsoft.com/graph/api/resources/textcolumn */
export interface TextFacet {
  readonly allowMultipleLines: boolean;
  /** Single line only: SharePoint's single line of text holds 1 to 255 characters. */
  readonly maxLength?: number;
  readonly textType?: 'plain';
  readonly linesForEditing?: number;
  readonly appendChangesToExistingText?: boolean;
}

/** https://learn.microsoft.com/graph/api/resources/choicecolumn */
export interface ChoiceFacet {
  readonly choices: readonly string[];
  readonly allowTextEntry: boolean;
  readonly displayAs: 'dropDownMenu' | 'radioButtons';
}

/** https://learn.microsoft.com/graph/api/resources/numbercolumn */
export interface NumberFacet {
  readonly decimalPlaces: 'automatic' | 'none';
  readonly displayAs: 'number';
  readonly minimum?: number;
  readonly maximum?: number;
}

/** https://learn.microsoft.com/graph/api/resources/datetimecolumn */
export interface DateTimeFacet {
  readonly format: 'dateOnly' | 'dateTime';
  readonly displayAs: 'standard';
}

/** https://learn.microsoft.com/graph/api/resources/booleancolumn: "contains no properties". */
export type BooleanFacet = Readonly<Record<string, never>>;

/**
 * https://learn.microsoft.com/graph/api/resources/lookupcolumn. The plan does not produce lookups
 * today (see `columns.ts` for why); the type is here so lookups are counted against the
 * 12-per-query limit if one is ever planned.
 */
export interface LookupFacet {
  readonly listId: string;
  readonly columnName: string;
  readonly allowMultipleValues: boolean;
}

/** https://learn.microsoft.com/graph/api/resources/personorgroupcolumn (not produced today). */
export interface PersonOrGroupFacet {
  readonly allowMultipleSelection: boolean;
  readonly chooseFromType: 'peopleOnly' | 'peopleAndGroups';
}

interface Facets {
  text: TextFacet;
  choice: ChoiceFacet;
  number: NumberFacet;
  dateTime: DateTimeFacet;
  boolean: BooleanFacet;
  lookup: LookupFacet;
  personOrGroup: PersonOrGroupFacet;
}
export type FacetName = keyof Facets;
export const facetNames: readonly FacetName[] = [
  'text',
  'choice',
  'number',
  'dateTime',
  'boolean',
  'lookup',
  'personOrGroup',
];

/** Exactly one facet: the others are absent (the type-related properties are exclusive). */
type OneFacet = {
  [K in FacetName]: { readonly [P in K]: Facets[P] } & {
    readonly [P in Exclude<FacetName, K>]?: never;
  };
}[FacetName];

export type ColumnDefinition = {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly required: boolean;
  /** "Specifies whether the column values can be used for sorting and searching." */
  readonly indexed: boolean;
  /** "If true, no two list items may have the same value for this column." */
  readonly enforceUniqueValues: boolean;
} & OneFacet;

/** The one facet a definition carries. */
export function facetOf(definition: ColumnDefinition): FacetName {
  const present = facetNames.filter((facet) => definition[facet] !== undefined);
  const [only] = present;
  if (present.length !== 1 || only === undefined) {
    throw new Error(`Column ${definition.name} has ${present.length} type facets; it needs one.`);
  }
  return only;
}
