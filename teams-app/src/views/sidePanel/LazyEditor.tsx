import { lazy, Suspense, type ComponentProps } from 'react';

// Editing is rare during a meeting: its code loads when an editor first opens.
const ObservationEditor = lazy(() =>
  import('./ObservationEditor').then((m) => ({ default: m.ObservationEditor })),
);

export function LazyEditor(props: ComponentProps<typeof ObservationEditor>) {
  return (
    <Suspense fallback={<p>Opening the editor…</p>}>
      <ObservationEditor {...props} />
    </Suspense>
  );
}
