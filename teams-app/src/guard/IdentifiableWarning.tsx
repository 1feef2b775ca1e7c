import { rewriteAdvice, warningText, type TextFinding } from './findings';

/** The warning under a text box; Field renders it as its error message (role="alert"). */
export function IdentifiableWarning({ finding }: { finding: TextFinding }) {
  return (
    <>
      {warningText(finding)} {rewriteAdvice}
    </>
  );
}
