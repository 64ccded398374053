import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ContentReader } from '../content/ContentReader.js';
import type { Store } from '../store/ports.js';
import { DomainEvents } from './events.js';

/** What every service receives: the store port, the event bus, a clock and an id source (replaceable in tests). */
export interface ServiceContext {
  store: Store;
  events: DomainEvents;
  logger: Logger;
  now: () => Date;
  newId: () => string;
  /** Reads stored documents' content, off the main thread when they are large. Closed on shutdown. */
  contentReader: ContentReader;
}

export function createServiceContext(store: Store, logger: Logger): ServiceContext {
  return {
    store,
    events: new DomainEvents(),
    logger,
    now: () => new Date(),
    newId: randomUUID,
    contentReader: new ContentReader(),
  };
}
