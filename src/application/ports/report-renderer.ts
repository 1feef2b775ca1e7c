import type { YearlyReportModel } from '../../domain/yearly-report/model.js';

/** Turns the yearly statement's model into a document a partnership can publish. */
export interface ReportRenderer {
  /** The MIME type of what `render` returns. */
  readonly contentType: string;
  /** The file extension, without the dot: `docx`. */
  readonly extension: string;
  render(model: YearlyReportModel): Promise<Uint8Array>;
}
