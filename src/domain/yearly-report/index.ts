export * from './period.js';
export * from './model.js';
export * from './sections.js';
export * from './checklist.js';
export * from './build.js';
