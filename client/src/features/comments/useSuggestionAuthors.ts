import type { PresenceIdentity } from '@polisee/domain';
import { useCallback, useMemo } from 'react';
import { useMentionable } from '../../api/threads';
import type { SuggestionAuthors } from '../../editor/suggestions/authors';

/**
 * Who suggested what, by user id: the members of the document's working group (the people its
 * threads may mention, with their organisation), and oneself (an admin may not be a member).
 */
export function useSuggestionAuthors(documentId: string, self: PresenceIdentity) {
  const members = useMentionable(documentId);
  const byId = useMemo(() => {
    const map = new Map(
      (members.data ?? []).map((m) => [m.id, { name: m.name, organisation: m.organisationName }]),
    );
    if (!map.has(self.id)) map.set(self.id, { name: self.name, organisation: self.organisation });
    return map;
  }, [members.data, self.id, self.name, self.organisation]);
  return useCallback<SuggestionAuthors>((id) => byId.get(id), [byId]);
}
