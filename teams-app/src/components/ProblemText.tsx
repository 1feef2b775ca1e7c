import { Button } from '@fluentui/react-components';
import type { Problem } from '../api/errors';

/** A load failure with a way to try again. */
export function ProblemText({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  return (
    <div role="alert">
      <p>{problem.text}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
