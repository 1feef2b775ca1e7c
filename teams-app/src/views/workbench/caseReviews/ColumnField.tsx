import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Column } from '../../../../../src/domain/lists/columns';
import type { ApiError } from '../../../api/errors';
import { fieldMessage } from '../formProblem';

interface ColumnFieldProps {
  column: Column;
  value: string;
  onChange: (value: string) => void;
  /** Labels for a choice column's values. */
  labels?: Record<string, string>;
  hint?: string;
  /** What the server said about this field, if anything. */
  problem?: string;
}

/** One form field drawn from the list's column: its label, kind, length and whether required. */
export function ColumnField({ column, value, onChange, labels, hint, problem }: ColumnFieldProps) {
  const state = problem
    ? ({ validationState: 'error', validationMessage: problem } as const)
    : ({ validationState: 'none' } as const);
  const field = { label: column.label, required: column.required === true, hint, ...state };
  switch (column.kind) {
    case 'note':
      return (
        <Field {...field}>
          <Textarea
            value={value}
            maxLength={column.maxLength}
            rows={3}
            resize="vertical"
            onChange={(_, d) => onChange(d.value)}
          />
        </Field>
      );
    case 'choice':
      return (
        <Field {...field}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {column.choices.map((choice) => (
              <option key={choice} value={choice}>
                {labels?.[choice] ?? choice}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'date':
      return (
        <Field {...field}>
          <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    default:
      return (
        <Field {...field}>
          <Input
            value={value}
            maxLength={column.kind === 'text' ? column.maxLength : undefined}
            onChange={(_, d) => onChange(d.value)}
          />
        </Field>
      );
  }
}

/** The server's word on one field: an issue from a 400, or the identifiable-data refusal. */
export function problemFor(error: ApiError | null, name: string): string | undefined {
  if (!error) return undefined;
  const issue = error.issues.find((i) =>
    Array.isArray(i.path) ? i.path[0] === name : i.path === name,
  );
  return issue?.message ?? fieldMessage(error.fields, name);
}

/** The typed values that changed, as a PATCH body: a cleared optional field is sent as null. */
export function changesOf<K extends string>(
  keys: readonly K[],
  draft: Record<K, string>,
  before: Record<K, string>,
): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const key of keys) {
    const now = draft[key].trim();
    if (now !== before[key].trim()) out[key] = now === '' ? null : now;
  }
  return out;
}

/** The filled-in values, as a POST body. */
export function filledOf<K extends string>(
  keys: readonly K[],
  draft: Record<K, string>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) if (draft[key].trim() !== '') out[key] = draft[key].trim();
  return out;
}
