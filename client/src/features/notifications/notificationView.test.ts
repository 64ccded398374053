import { LANGUAGES, NOTIFICATION_TYPES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { flattenCatalog, placeholdersOf } from '../../i18n/catalogTools';
import { catalogs } from '../../i18n/resources';
import {
  badgeText,
  isUnread,
  notificationSentenceKey,
  notificationTarget,
} from './notificationView';

describe('notification sentences', () => {
  it('gives each type its own key', () => {
    const keys = NOTIFICATION_TYPES.map(notificationSentenceKey);
    expect(new Set(keys).size).toBe(NOTIFICATION_TYPES.length);
    expect(notificationSentenceKey('mention')).toBe('notifications.types.mention');
    expect(notificationSentenceKey('thread_resolved')).toBe('notifications.types.thread_resolved');
    expect(notificationSentenceKey('workshop_live')).toBe('notifications.types.workshop_live');
  });

  it.each(LANGUAGES)(
    'has a sentence naming the actor and the document for every type in %s',
    (l) => {
      const entries = flattenCatalog(catalogs[l]);
      for (const type of NOTIFICATION_TYPES) {
        const sentence = entries[notificationSentenceKey(type)];
        expect(typeof sentence, `${type} in ${l}`).toBe('string');
        expect(placeholdersOf(sentence as string)).toEqual(['actor', 'title']);
      }
    },
  );
});

describe('notification targets', () => {
  it('opens the document at the thread', () => {
    expect(notificationTarget({ documentId: 'd1', threadId: 't1', workshopId: null })).toBe(
      '/documents/d1?thread=t1',
    );
  });

  it('opens the document itself when there is no thread', () => {
    expect(notificationTarget({ documentId: 'd1', threadId: null, workshopId: null })).toBe(
      '/documents/d1',
    );
  });

  it('opens the workshop, not its notes document, for a workshop notification', () => {
    expect(notificationTarget({ documentId: 'notes1', threadId: null, workshopId: 'w1' })).toBe(
      '/workshops/w1',
    );
  });

  it('is unread until it has a read time', () => {
    expect(isUnread({ readAt: null })).toBe(true);
    expect(isUnread({ readAt: '2025-01-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('badgeText', () => {
  const format = (n: number) => new Intl.NumberFormat('en').format(n);
  it('shows the count, capped at 99+', () => {
    expect(badgeText(3, format)).toBe('3');
    expect(badgeText(99, format)).toBe('99');
    expect(badgeText(1200, format)).toBe('99+');
  });
});
