// Loaded just after the side panel first renders (see loadRuntime.ts), never on its first load.
export { openDeviceStore } from './openDeviceStore';
export { outboxFor } from './outbox';
export { makeSender } from './sendObservation';
