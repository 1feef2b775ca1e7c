import { Heading } from '../../../components/Heading';

export function PlanWarnings({ warnings }: { warnings: readonly string[] }) {
  return (
    <div>
      <Heading level={3}>Warnings</Heading>
      {warnings.length === 0 ? (
        <p>No warnings.</p>
      ) : (
        <ul>
          {warnings.map((w) => (
            <li key={w}>Warning: {w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
