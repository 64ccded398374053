import { InboxFilterSchema, type InboxFilter } from '@polisee/contracts';
import {
  THEMATIC_PRIORITIES,
  ThematicPrioritySchema,
  ThreadStatusSchema,
  type ThematicPriority,
  type ThreadStatus,
} from '@polisee/domain';

/** An inbox view's filters, by the query parameter that carries each one (as `GET /api/inbox/:priority` takes them). */
export interface InboxView {
  status: ThreadStatus;
  filter: InboxFilter;
}

export const STATUS_PARAM = 'status';
export const FILTER_PARAM = 'filter';

/** What an inbox shows with nothing in the address: open threads, everyone's. */
export const DEFAULT_VIEW: InboxView = { status: 'open', filter: 'all' };

/**
 * Reads the view from the address bar. A stale or mistyped value falls back to its default
 * rather than failing the page, and leaves the other parameter as it is.
 */
export function viewFromSearchParams(params: URLSearchParams): InboxView {
  const status = ThreadStatusSchema.safeParse(params.get(STATUS_PARAM));
  const filter = InboxFilterSchema.safeParse(params.get(FILTER_PARAM));
  return {
    status: status.success ? status.data : DEFAULT_VIEW.status,
    filter: filter.success ? filter.data : DEFAULT_VIEW.filter,
  };
}

/**
 * Sets one part of the view, keeping every other parameter. A default value is dropped from
 * the address, so the plain `/inbox/<priority>` and its bookmark mean the same view.
 */
export function withView<K extends keyof InboxView>(
  params: URLSearchParams,
  key: K,
  value: InboxView[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const param = key === 'status' ? STATUS_PARAM : FILTER_PARAM;
  if (value === DEFAULT_VIEW[key]) next.delete(param);
  else next.set(param, value);
  return next;
}

/** The priority named in the path, or null for an unknown one (an old or mistyped link). */
export function priorityFromParam(value: string | undefined): ThematicPriority | null {
  const parsed = ThematicPrioritySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Unread threads across every priority inbox, for the navigation badge. */
export function totalUnread(counts: readonly { unread: number }[] | undefined): number {
  return (counts ?? []).reduce((sum, c) => sum + c.unread, 0);
}

/**
 * Where `/inbox` leads: the first priority with unread threads, else the first with open
 * ones, else the first priority. Priorities keep the programme's order, so the choice is stable.
 */
export function defaultInboxPriority(
  counts: readonly { priority: ThematicPriority; open: number; unread: number }[] | undefined,
): ThematicPriority {
  const inOrder = THEMATIC_PRIORITIES.map((priority) =>
    (counts ?? []).find((c) => c.priority === priority),
  );
  return (
    inOrder.find((c) => c && c.unread > 0)?.priority ??
    inOrder.find((c) => c && c.open > 0)?.priority ??
    THEMATIC_PRIORITIES[0]
  );
}
