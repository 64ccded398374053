/**
 * What a process needs to serve documents with others through Redis, as one module that
 * server.ts imports only when REDIS_URL is set: ioredis, the socket.io adapter and their
 * dependencies are ~5 MB of heap that a single process would carry for nothing.
 */
export { startRedisLiveWorkshopHosts } from './redisLiveWorkshopHosts.js';
export { startScaleOut } from './startScaleOut.js';
export { startSharedConnectionCaps } from './sharedConnectionCaps.js';
export { startSharedLimiterStore } from './sharedLimiterStore.js';
export { startSocketAdapter } from './socketAdapter.js';
