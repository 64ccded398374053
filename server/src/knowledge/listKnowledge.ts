import { searchWords } from '@polisee/domain';
import type {
  FacetCount,
  KnowledgeEntry,
  KnowledgeFacets,
  KnowledgeList,
  KnowledgeQuery,
} from '@polisee/contracts';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { describeEntries, readableEntries } from './knowledgeEntries.js';

type Facet = keyof KnowledgeFacets;

const valuesOf: Record<Facet, (e: KnowledgeEntry) => readonly string[]> = {
  priority: (e) => e.thematicPriorities,
  country: (e) => e.countries,
  tag: (e) => e.tags,
  kind: (e) => [e.kind],
};

/**
 * The published entries the actor may read that pass the filters, newest publication first,
 * with facet counts. The knowledge base is the programme's few dozen published documents, so
 * filtering and counting happen here over all of them; a count applies every filter but its
 * own facet's (as search does, decision 0055), so a chosen priority still shows the others.
 */
export async function listKnowledge(
  ctx: ServiceContext,
  actor: Actor,
  query: KnowledgeQuery,
): Promise<KnowledgeList> {
  const entries = await describeEntries(ctx, await readableEntries(ctx, actor));
  const words = query.q ? searchWords(query.q) : [];
  const matching = entries.filter((e) => matchesText(e, words));
  const chosen: Partial<Record<Facet, string>> = {
    priority: query.priority,
    country: query.country,
    tag: query.tag,
    kind: query.kind,
  };
  const passes = (e: KnowledgeEntry, except?: Facet) =>
    (Object.keys(valuesOf) as Facet[]).every(
      (facet) =>
        facet === except ||
        chosen[facet] === undefined ||
        valuesOf[facet](e).includes(chosen[facet]),
    );
  const facets = Object.fromEntries(
    (Object.keys(valuesOf) as Facet[]).map((facet) => [
      facet,
      countValues(matching.filter((e) => passes(e, facet)).map(valuesOf[facet])),
    ]),
  ) as KnowledgeFacets;
  return { items: matching.filter((e) => passes(e)), facets };
}

/** Every word of the query is the start of a word of the title, summary or tags (folded). */
function matchesText(entry: KnowledgeEntry, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = searchWords([entry.title, entry.summary, ...entry.tags].join(' '));
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

/** Most frequent first, then by value. */
function countValues(lists: readonly (readonly string[])[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const list of lists) {
    for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
