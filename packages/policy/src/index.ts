export * from './rules.js';
export * from './knowledgeRules.js';
export * from './attributionRules.js';
