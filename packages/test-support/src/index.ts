export { RecentOutput, warningOf, type LogWarning } from './recentOutput.js';
