import { useCallback } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { MeetingItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { formatDateTime } from '../../format/dates';

interface MeetingPickerProps {
  value: string;
  onChange: (meetingId: string) => void;
}

/** Outside a Teams meeting the scrutineer may attach the observation to a known meeting, or none. */
export function MeetingPicker({ value, onChange }: MeetingPickerProps) {
  const api = useApi();
  const load = useCallback(() => api.getItems<MeetingItem>('/api/meetings'), [api]);
  const meetings = useResource(load);
  const hint = meetings.problem
    ? `Meetings could not be loaded: ${meetings.problem.text}`
    : meetings.loading
      ? 'Loading meetings…'
      : undefined;
  return (
    <Field label="Meeting" hint={hint}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">None</option>
        {(meetings.data ?? []).map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {`${meeting.title} (${formatDateTime(meeting.startsAt)})`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
