/**
 * Column descriptors: the vocabulary in which every list's schema is written once. SQLite DDL,
 * zod API schemas, SharePoint provisioning and the tab's forms are all derived from these.
 */

interface ColumnBase {
  /** Shown in forms and as the SharePoint column description. */
  readonly label: string;
  readonly required?: boolean;
  /** Filterable: SharePoint needs an index to filter past 5,000 items, so only these may be filtered. */
  readonly indexed?: boolean;
  /** Enforced unique (SharePoint enforceUniqueValues): used for idempotency keys. */
  readonly unique?: boolean;
}

export interface TextColumn extends ColumnBase {
  readonly kind: 'text';
  readonly maxLength: number;
  /** Free text a person typed: passes the identifiable-data guard before it is stored. */
  readonly freeText?: boolean;
}
export interface NoteColumn extends ColumnBase {
  readonly kind: 'note';
  readonly maxLength: number;
  readonly freeText?: boolean;
}
export interface ChoiceColumn<V extends string = string> extends ColumnBase {
  readonly kind: 'choice';
  readonly choices: readonly V[];
}
export interface MultiChoiceColumn<V extends string = string> extends ColumnBase {
  readonly kind: 'multiChoice';
  readonly choices: readonly V[];
}
export interface NumberColumn extends ColumnBase {
  readonly kind: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}
/** A calendar date, `YYYY-MM-DD`. */
export interface DateColumn extends ColumnBase {
  readonly kind: 'date';
}
/** An instant, ISO 8601 with offset. */
export interface DateTimeColumn extends ColumnBase {
  readonly kind: 'dateTime';
}
export interface BooleanColumn extends ColumnBase {
  readonly kind: 'boolean';
}
/** The id of an item in another list (a SharePoint lookup). */
export interface RefColumn extends ColumnBase {
  readonly kind: 'ref';
  readonly list: string;
}
/** Several item ids in another list (a multi-value lookup). */
export interface RefsColumn extends ColumnBase {
  readonly kind: 'refs';
  readonly list: string;
}

export type Column =
  | TextColumn
  | NoteColumn
  | ChoiceColumn
  | MultiChoiceColumn
  | NumberColumn
  | DateColumn
  | DateTimeColumn
  | BooleanColumn
  | RefColumn
  | RefsColumn;

/**
 * Whether the port may filter on a column: indexed (SharePoint needs an index past 5,000 items)
 * and not an array (refs, multiChoice have no usable equality in either store).
 */
export function isFilterable(column: Column): boolean {
  return column.indexed === true && column.kind !== 'refs' && column.kind !== 'multiChoice';
}

export interface ListSchema {
  /** The SharePoint list title; also the SQLite table name's source. */
  readonly title: string;
  readonly description: string;
  readonly columns: Readonly<Record<string, Column>>;
}

/** The TypeScript value a column holds. */
export type ColumnValue<C> =
  C extends ChoiceColumn<infer V>
    ? V
    : C extends MultiChoiceColumn<infer V>
      ? V[]
      : C extends NumberColumn
        ? number
        : C extends BooleanColumn
          ? boolean
          : C extends RefsColumn
            ? string[]
            : string;

type RequiredKeys<Cs> = {
  [K in keyof Cs]: Cs[K] extends { required: true } ? K : never;
}[keyof Cs];
type OptionalKeys<Cs> = Exclude<keyof Cs, RequiredKeys<Cs>>;

/** The fields of one item of a list, inferred from its schema. */
export type FieldsOf<S extends ListSchema> = {
  -readonly [K in RequiredKeys<S['columns']>]: ColumnValue<S['columns'][K]>;
} & {
  -readonly [K in OptionalKeys<S['columns']>]?: ColumnValue<S['columns'][K]> | null;
};
