// The guard is ~8 kB gzipped: loaded just after the panel paints, not on its critical path.
type GuardModule = typeof import('../../../src/domain/guard');

let loading: Promise<GuardModule> | null = null;

export function loadGuard(): Promise<GuardModule> {
  loading ??= import('../../../src/domain/guard').catch((error: unknown) => {
    loading = null; // a failed chunk load may succeed on the next try
    throw error;
  });
  return loading;
}
