import {
  ProgrammeFilterSchema,
  type ProgrammeCell,
  type ProgrammeFilter,
  type ProgrammeHeatmap,
} from '@polisee/contracts';
import { ASSESSMENT_LIMITS, type ThematicPriority } from '@polisee/domain';

/** The programme view's filters, by the query parameter that carries each (the API's own). */
export const PROGRAMME_FILTER_PARAMS = ['workingGroupId', 'status', 'criterion'] as const;
export type ProgrammeFilterParam = (typeof PROGRAMME_FILTER_PARAMS)[number];

/**
 * Reads the filters from the address bar, each value checked on its own against the contract:
 * a stale value in a bookmarked link drops that filter and keeps the others.
 */
export function programmeFilterFrom(params: URLSearchParams): ProgrammeFilter {
  const filter: ProgrammeFilter = {};
  for (const key of PROGRAMME_FILTER_PARAMS) {
    const raw = params.get(key);
    if (!raw) continue;
    const parsed = ProgrammeFilterSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
  }
  return filter;
}

/** The colour bands of the scale, one per score of the 1–5 scale. */
export const HEAT_LEVELS = Array.from(
  { length: ASSESSMENT_LIMITS.scoreMax - ASSESSMENT_LIMITS.scoreMin + 1 },
  (_, i) => ASSESSMENT_LIMITS.scoreMin + i,
);

/** The band of a mean: the nearest score (2.5 is band 3), kept within the scale. */
export function heatLevel(mean: number): number {
  const nearest = Math.floor(mean + 0.5);
  return Math.min(ASSESSMENT_LIMITS.scoreMax, Math.max(ASSESSMENT_LIMITS.scoreMin, nearest));
}

export interface HeatmapRow {
  priority: ThematicPriority;
  /** One entry per column (country), null where no assessment scored that pair. */
  cells: (ProgrammeCell | null)[];
}

/** The heatmap as a full grid: every priority, every country of `countries`, in that order. */
export function heatmapGrid(heatmap: ProgrammeHeatmap, countries: readonly string[]): HeatmapRow[] {
  const byKey = new Map(heatmap.cells.map((c) => [`${c.priority} ${c.country}`, c]));
  return heatmap.priorities.map((priority) => ({
    priority,
    cells: countries.map((country) => byKey.get(`${priority} ${country}`) ?? null),
  }));
}

/** Countries by their name in the reader's language (Ελλάδα, România…), not by code. */
export function sortByName(codes: readonly string[], nameOf: (code: string) => string): string[] {
  return [...codes].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

/** A mean as the heatmap prints it: one decimal, in the reader's language (3,5 in Romanian). */
export function formatMean(mean: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(mean);
}
