import type { Ref } from 'react';
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Priority } from '../../../../../src/domain/vocabulary';
import type { FindingItem, PartnerItem } from '../../../api/types';
import { PartnerCheckboxes } from '../../../components/PartnerCheckboxes';
import {
  priorityOptions,
  qualified,
  recommendationColumns as columns,
} from '../../../forms/fields';
import { ChoiceCheckboxes } from '../ChoiceCheckboxes';
import { fieldMessage } from '../formProblem';
import { LINKED_FINDINGS } from './labels';

export interface RecommendationDraft {
  title: string;
  text: string;
  priority: Priority | '';
  partnerIds: string[];
  findingIds: string[];
  responseDueDate: string;
}

/** What stops a draft being saved, in words. */
export function draftProblems(draft: RecommendationDraft): string[] {
  return [
    !draft.title.trim() && `Write the ${qualified('recommendation', columns.title.label)}.`,
    !draft.text.trim() && 'Write the recommendation.',
    !draft.priority && 'Choose a priority.',
    draft.partnerIds.length === 0 && 'Name at least one partner.',
    !/^\d{4}-\d{2}-\d{2}$/.test(draft.responseDueDate) && 'Give the date the response is due.',
  ].filter((p): p is string => typeof p === 'string');
}

interface RecommendationFieldsProps {
  value: RecommendationDraft;
  onChange: (value: RecommendationDraft) => void;
  partners: readonly PartnerItem[];
  findings: readonly FindingItem[];
  /** Fields the server refused as identifying. */
  refused: readonly string[];
  titleRef?: Ref<HTMLInputElement>;
}

/** The fields of a recommendation, shared by the new-draft and edit-draft forms. */
export function RecommendationFields({
  value,
  onChange,
  partners,
  findings,
  refused,
  titleRef,
}: RecommendationFieldsProps) {
  const set = <K extends keyof RecommendationDraft>(key: K, v: RecommendationDraft[K]) =>
    onChange({ ...value, [key]: v });
  const flag = (name: string) => {
    const message = fieldMessage(refused, name);
    return { validationState: message ? 'error' : 'none', validationMessage: message } as const;
  };
  return (
    <>
      <Field label={qualified('Recommendation', columns.title.label)} {...flag('title')}>
        <Input
          ref={titleRef}
          value={value.title}
          maxLength={columns.title.maxLength}
          onChange={(_, d) => set('title', d.value)}
        />
      </Field>
      <Field label={columns.text.label} {...flag('text')}>
        <Textarea
          value={value.text}
          maxLength={columns.text.maxLength}
          rows={5}
          resize="vertical"
          onChange={(_, d) => set('text', d.value)}
        />
      </Field>
      <Field label={columns.priority.label}>
        <Select value={value.priority} onChange={(_, d) => set('priority', d.value as Priority)}>
          {!value.priority && <option value="">Choose a priority</option>}
          {priorityOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <PartnerCheckboxes
        legend={columns.partnerIds.label}
        partners={partners}
        selected={value.partnerIds}
        onChange={(ids) => set('partnerIds', ids)}
      />
      <Field label={columns.responseDueDate.label} hint="Partners usually have 28 days to respond.">
        <Input
          type="date"
          value={value.responseDueDate}
          onChange={(_, d) => set('responseDueDate', d.value)}
        />
      </Field>
      <ChoiceCheckboxes
        legend={LINKED_FINDINGS}
        options={findings.map((f) => ({ value: f.id, label: f.title }))}
        selected={value.findingIds}
        onChange={(ids) => set('findingIds', ids)}
      />
    </>
  );
}
