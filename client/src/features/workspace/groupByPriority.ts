import { THEMATIC_PRIORITIES, type PoliDocument, type ThematicPriority } from '@polisee/domain';

/** Documents newest first, listed under every priority they carry. */
export function groupByPriority(
  documents: PoliDocument[],
): Record<ThematicPriority, PoliDocument[]> {
  const sorted = [...documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const groups = Object.fromEntries(
    THEMATIC_PRIORITIES.map((p) => [p, [] as PoliDocument[]]),
  ) as Record<ThematicPriority, PoliDocument[]>;
  for (const document of sorted) {
    for (const priority of document.thematicPriorities) groups[priority].push(document);
  }
  return groups;
}
