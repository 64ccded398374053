/**
 * The fixed vocabularies of the method blocks (decision 0049). The ids are stored in documents
 * and sent on the wire: never rename one, add a new one instead.
 */

/** The OECD DAC evaluation criteria, the default columns of an assessment matrix. */
export const DAC_CRITERIA = [
  'relevance',
  'coherence',
  'effectiveness',
  'efficiency',
  'impact',
  'sustainability',
] as const;
export type DacCriterion = (typeof DAC_CRITERIA)[number];

/** STEEP: the categories of a foresight driver. */
export const STEEP_CATEGORIES = [
  'social',
  'technological',
  'economic',
  'environmental',
  'political',
] as const;
export type SteepCategory = (typeof STEEP_CATEGORIES)[number];

/** The four scenarios of a 2×2: high or low on the x axis, then on the y axis. */
export const QUADRANTS = ['hh', 'hl', 'lh', 'll'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * The programme's thematic priorities a matrix row may be tagged with. A copy of
 * `THEMATIC_PRIORITIES` in @polisee/domain, because this package imports only TipTap; a server
 * test keeps the two lists equal.
 */
export const BLOCK_PRIORITIES = [
  'innovation',
  'sustainability',
  'internationalisation',
  'financing',
  'specialisation',
  'skills',
] as const;
export type BlockPriority = (typeof BLOCK_PRIORITIES)[number];

/** Impact and uncertainty of a driver are rated on this scale. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Longest texts the block attributes hold (characters). Labels are table headings, not prose. */
export const BLOCK_TEXT_LIMITS = {
  title: 200,
  label: 200,
  name: 200,
  unit: 40,
  source: 500,
  /** The JSON list of a scenario's section links: 20 links of an id and an anchor fit. */
  sectionLinks: 8192,
} as const;

/** A scenario links to at most this many plan sections. */
export const MAX_SECTION_LINKS = 20;
/**
 * A section link's anchor: a Yjs relative position in base64, as in a workshop agenda's
 * sections (`SectionAnchorSchema` in @polisee/domain).
 */
export const SECTION_ANCHOR_PATTERN = /^[A-Za-z0-9+/]{4,256}={0,2}$/;

/** Every block and child id: what `newBlockId()` makes, and what an id attribute must match. */
export const BLOCK_ID_PATTERN = /^[\w-]{1,64}$/;
