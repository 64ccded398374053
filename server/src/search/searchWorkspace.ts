import type {
  SearchItem,
  SearchMatchQuote,
  SearchQueryParams,
  SearchResponse,
} from '@polisee/contracts';
import type { PoliDocument, Workshop } from '@polisee/domain';
import {
  canOnWorkshop,
  canReadPublished,
  readableWorkingGroupIds,
  type Actor,
} from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { documentAccess } from '../services/documents.js';
import type { SearchFilters, SearchHit, Snippet } from './store/port.js';

/** Characters of context either side of the matched words in a hit's quote. */
const QUOTE_CONTEXT = 32;
/**
 * Times a page is asked again after hits the reader may not read were found on it. The store
 * already answers only the reader's groups, so a refusal here is rare (access narrower than
 * the group's); each round leaves the refused entries out of the next.
 */
const MAX_ROUNDS = 3;

/**
 * Searches what the actor may read (decision 0059). The store is given the working groups the
 * actor may read, the published knowledge base (the whole workspace's, decision 0062) and the
 * workshops the actor is a guest of with their documents; each hit is then checked against the policy as it stands, and one refused is
 * left out of the page, the total and the facet counts alike (the query is run again without it).
 */
export async function searchWorkspace(
  ctx: ServiceContext,
  actor: Actor,
  params: SearchQueryParams,
): Promise<SearchResponse> {
  const groups =
    readableWorkingGroupIds(actor) ?? (await ctx.store.workingGroups.list()).map((g) => g.id);
  const filters: SearchFilters = {
    type: params.type,
    priority: params.priority,
    kind: params.kind,
    workingGroup: params.workingGroup,
    country: params.country,
    status: params.status,
    language: params.language,
  };
  // A guest of another group's workshop reads it, its decisions included.
  const guestWorkshopIds = (await ctx.store.workshops.listGuestOf(actor.user.id)).map((w) => w.id);
  const readable = new ReadableCheck(ctx, actor);
  const excludeIds: string[] = [];
  for (let round = 1; ; round++) {
    const result = await ctx.store.search.query({
      text: params.q,
      filters,
      workingGroupIds: groups,
      beyondGroups: {
        types: ['knowledge'],
        documentIds: actor.guestDocumentIds ?? [],
        workshopIds: guestWorkshopIds,
      },
      limit: params.limit,
      offset: params.offset,
      excludeIds,
    });
    const refused: string[] = [];
    for (const hit of result.hits) if (!(await readable.hit(hit))) refused.push(hit.id);
    if (refused.length === 0 || round === MAX_ROUNDS) {
      const items: SearchItem[] = [];
      for (const hit of result.hits) {
        if (refused.includes(hit.id)) continue;
        items.push(toItem(hit, await readable.documentOf(hit)));
      }
      return {
        items,
        total: Math.max(0, result.total - refused.length),
        facets: result.facets,
      };
    }
    excludeIds.push(...refused);
  }
}

/** Reads each document and workshop once per search, however many hits name it. */
class ReadableCheck {
  private readonly docs = new Map<string, Promise<PoliDocument | null>>();
  private readonly workshops = new Map<string, Promise<Workshop | null>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly actor: Actor,
  ) {}

  /** The hit's document as read for the check (null for a workshop's decision). */
  async documentOf(hit: SearchHit): Promise<PoliDocument | null> {
    return hit.documentId === null ? null : ((await this.docs.get(hit.documentId)) ?? null);
  }

  async hit(hit: SearchHit): Promise<boolean> {
    if (hit.workshopId !== null) {
      const id = hit.workshopId;
      if (!this.workshops.has(id)) this.workshops.set(id, this.ctx.store.workshops.get(id));
      const workshop = await this.workshops.get(id)!;
      return workshop !== null && canOnWorkshop(this.actor, 'workshop.read', workshop);
    }
    if (hit.documentId === null) return false;
    const id = hit.documentId;
    if (!this.docs.has(id)) this.docs.set(id, this.ctx.store.documents.get(id));
    const doc = await this.docs.get(id)!;
    if (!doc) return false;
    // A knowledge entry is the published version: indexed only while there is one.
    if (hit.type === 'knowledge') return canReadPublished(this.actor, { ...doc, published: true });
    return documentAccess(this.actor, doc) !== 'none';
  }
}

function toItem(hit: SearchHit, document: PoliDocument | null): SearchItem {
  return {
    id: hit.id,
    type: hit.type,
    documentId: hit.documentId,
    threadId: hit.threadId,
    workshopId: hit.workshopId,
    workingGroupId: hit.workingGroupId,
    title: hit.title,
    titleRanges: hit.titleRanges,
    snippet: hit.snippet,
    // Thread and decision hits open their thread or workshop: the quote would not be in the
    // document's text.
    match: hit.type === 'document' || hit.type === 'knowledge' ? quoteOf(hit.snippet) : null,
    kind: document?.kind ?? null,
    priorities: document?.thematicPriorities ?? [],
    updatedAt: hit.updatedAt,
  };
}

/** The first matched words of the snippet with some text either side, as written. */
export function quoteOf(snippet: Snippet): SearchMatchQuote | null {
  const first = snippet.ranges[0];
  if (!first) return null;
  const { text } = snippet;
  return {
    exact: text.slice(first.start, first.end),
    prefix: text.slice(Math.max(0, first.start - QUOTE_CONTEXT), first.start),
    suffix: text.slice(first.end, first.end + QUOTE_CONTEXT),
  };
}
