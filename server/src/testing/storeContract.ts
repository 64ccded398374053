import { afterAll, beforeEach } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../store/ports.js';
import { storeAdapters, type AdapterUnderTest } from './storeAdapters.js';

/**
 * What every store contract suite sets up: the adapters under test (removed after the file),
 * and per test a fresh store of the adapter.
 */
export function contractAdapters(suite: string): AdapterUnderTest[] {
  const adapters = storeAdapters(suite);
  afterAll(() => adapters.forEach((a) => a.cleanup()));
  return adapters;
}

/** A contract suite's store; `reopen()` closes it and opens what it stored (a restart). */
export type StoreUnderTest = Store & { reopen(): Promise<void> };

/**
 * The adapter's fresh store for each test of the enclosing `describe`, disposed after it. The
 * returned object stands for whichever store the running test has (also after `reopen()`), so
 * suites use it as a plain `store`.
 */
export function storeUnderTest(adapter: AdapterUnderTest): StoreUnderTest {
  let current: Store | null = null;
  beforeEach(async () => {
    current = await adapter.open();
    return async () => {
      const opened = current!;
      current = null;
      await adapter.dispose(opened);
    };
  });
  const reopen = async () => {
    if (!current) throw new Error('the store is only there while a test runs');
    current = await adapter.reopen(current);
  };
  return new Proxy({} as StoreUnderTest, {
    get(_target, key) {
      if (key === 'reopen') return reopen;
      if (!current) throw new Error('the store is only there while a test runs');
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
    },
  });
}

/** A small Yjs update appending `text`, for a document's stored state. */
export function yUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}
