import { describe, expect, it } from 'vitest';
import { Dashboard } from '../views/dashboard/Dashboard';
import { Tracker } from '../views/tracker/Tracker';
import { preloadView, viewComponent } from './views';

describe('views', () => {
  it('is lazy until the chunk is downloaded, then the view itself (no Suspense fallback)', async () => {
    const before = viewComponent('tracker');
    expect(before).not.toBe(Tracker);
    expect((before as unknown as { $$typeof: symbol }).$$typeof).toBe(Symbol.for('react.lazy'));
    await preloadView('tracker');
    expect(viewComponent('tracker')).toBe(Tracker);
    await expect(preloadView('notFound')).resolves.toBeUndefined();
  });

  it('has the dashboard as its own lazy view', async () => {
    expect(viewComponent('dashboard')).not.toBe(Dashboard);
    await preloadView('dashboard');
    expect(viewComponent('dashboard')).toBe(Dashboard);
  });
});
