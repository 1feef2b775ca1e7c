import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

// Each test starts signed out, at `/`, with the real fetch back in place.
afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});
