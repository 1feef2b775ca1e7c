import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from './sessionStore';

describe('sessionStore', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the real sessionStorage when the browser allows it', () => {
    expect(sessionStore()).toBe(window.sessionStorage);
  });

  it('falls back to memory when reading sessionStorage throws (third-party storage blocked)', () => {
    const real = window.sessionStorage;
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    const store = sessionStore();
    expect(store).not.toBe(real);
    store.setItem('critical-friend.token', 'abc');
    expect(store.getItem('critical-friend.token')).toBe('abc');
    expect(store.length).toBe(1);
    expect(store.key(0)).toBe('critical-friend.token');
    store.removeItem('critical-friend.token');
    expect(store.getItem('critical-friend.token')).toBeNull();
  });
});
