import { vi } from 'vitest';

// Stands in for @microsoft/teams-js: by default the tab is "outside Teams".
export const app = {
  initialize: vi.fn(() => Promise.reject(new Error('No Parent window found'))),
  getContext: vi.fn(() => Promise.reject(new Error('Not in Teams'))),
  notifySuccess: vi.fn(() => Promise.resolve()),
  registerOnThemeChangeHandler: vi.fn(),
};

export const pages = {
  config: {
    registerOnSaveHandler: vi.fn(),
    setValidityState: vi.fn(),
    setConfig: vi.fn(() => Promise.resolve()),
  },
};

// Meeting APIs answer "not supported" unless a test says otherwise.
export const meeting = {
  getMeetingDetails: vi.fn((callback: (error: unknown, details: unknown) => void) =>
    callback({ errorCode: 100 }, null),
  ),
  getAppContentStageSharingCapabilities: vi.fn(
    (callback: (error: unknown, capabilities: unknown) => void) =>
      callback(null, { doesAppHaveSharePermission: true }),
  ),
  shareAppContentToStage: vi.fn((callback: (error: unknown, result: unknown) => void) =>
    callback(null, true),
  ),
};
