/**
 * The Microsoft Graph (SharePoint lists) emulator for tests and the bench; see `server.ts`.
 */
export {
  startGraphEmulator,
  type EmulatorState,
  type GraphEmulator,
  type GraphEmulatorOptions,
  type RecordedRequest,
} from './server.js';
export {
  SHAREPOINT_RESOURCE_UNITS,
  type BudgetOptions,
  type FailOptions,
  type Injector,
  type Match,
  type OperationInfo,
  type ResourceCosts,
  type ThrottleOptions,
} from './throttle.js';
export type { IdentitySet, SiteInput } from './store.js';
