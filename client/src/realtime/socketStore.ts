import { create } from 'zustand';
import type { AppSocket } from './socket';

/**
 * The session's one socket, for components that subscribe to rooms. Set and cleared by
 * `useRealtimeInvalidation`, which owns its lifetime.
 */
export const useSocketStore = create<{ socket: AppSocket | null }>()(() => ({ socket: null }));
