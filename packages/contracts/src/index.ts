export * from './rest/index.js';
export * from './events.js';
export * from './collab.js';
export * from './workshopEvents.js';
