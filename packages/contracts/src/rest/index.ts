export * from './errors.js';
export * from './auth.js';
export * from './invitations.js';
export * from './workspace.js';
export * from './documents.js';
export * from './templates.js';
export * from './threads.js';
export * from './notifications.js';
