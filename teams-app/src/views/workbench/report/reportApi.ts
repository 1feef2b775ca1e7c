import type { Distribution, YearlyReport } from '../../../../../src/domain/lists/schema';
import type { DistributionRecipient } from '../../../../../src/domain/vocabulary';
import type { ApiClient } from '../../../api/client';
import type { Item } from '../../../api/types';

export type YearlyReportItem = Item<YearlyReport>;
export type DistributionItem = Item<Distribution>;

export type SectionState = 'ok' | 'thin' | 'empty';

export interface ChecklistSection {
  key: string;
  title: string;
  /** Whether Working Together expects the section in the statement. */
  expected: boolean;
  state: SectionState;
  count: number;
  hint: string;
}

export interface Checklist {
  report: YearlyReportItem | null;
  period: { from: string; to: string };
  sections: ChecklistSection[];
  distributions: DistributionItem[];
}

const yearPath = (year: number) => `/api/reports/yearly/${year}`;

export function getChecklist(api: ApiClient, year: number): Promise<Checklist> {
  return api.get<Checklist>(`/api/reports/yearly/checklist?year=${year}`);
}

/** Saves the summary judgement; with the report's etag once the report exists. */
export function saveSummary(
  api: ApiClient,
  year: number,
  summaryJudgement: string,
  etag: string | undefined,
): Promise<YearlyReportItem> {
  return api.put<YearlyReportItem>(
    `${yearPath(year)}/summary`,
    { summaryJudgement },
    {
      ifMatch: etag,
    },
  );
}

export function signOff(api: ApiClient, year: number, etag: string): Promise<YearlyReportItem> {
  return api.post<YearlyReportItem>(`${yearPath(year)}/sign-off`, undefined, { ifMatch: etag });
}

export interface NewDistribution {
  recipient: DistributionRecipient;
  recipientName?: string;
  sentOn: string;
  note?: string;
  distributionKey: string;
}

export function recordDistribution(
  api: ApiClient,
  year: number,
  body: NewDistribution,
): Promise<DistributionItem> {
  return api.post<DistributionItem>(`${yearPath(year)}/distributions`, body);
}

export const statementPath = (year: number) => `/api/reports/yearly?year=${year}`;
export const trackerExportPath = '/api/export/tracker.xlsx';
export const inspectionPackPath = (theme: string) =>
  `/api/export/inspection-pack.xlsx?theme=${encodeURIComponent(theme)}`;
