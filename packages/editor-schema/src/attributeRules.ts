/**
 * What a stored attribute value may be, per node and mark. The editor only ever writes values
 * like these; anything else arrived from a client that is not our editor (a `javascript:` link,
 * a heading level of `"onmouseover=…"`), and the collaboration endpoint refuses it on the wire.
 * Readers use the same rules to drop what an older, unguarded server stored.
 *
 * An attribute the schema declares but that has no rule here must be a short JSON primitive.
 * An attribute the schema does not declare is refused. A node or mark added to the schema
 * (the method blocks, say) adds its rules here.
 */
import {
  BLOCK_ID_PATTERN,
  BLOCK_PRIORITIES,
  BLOCK_TEXT_LIMITS,
  DAC_CRITERIA,
  MAX_SECTION_LINKS,
  QUADRANTS,
  RATING_MAX,
  RATING_MIN,
  SECTION_ANCHOR_PATTERN,
  STEEP_CATEGORIES,
} from './blocks/vocabulary.js';
import { MODIFICATION_TYPES } from './suggestionMarks.js';

export type AttributeRule = (value: unknown) => boolean;

/** Heading levels the editor offers (StarterKit's `heading.levels`). */
export const HEADING_LEVELS = [1, 2, 3, 4] as const;

/** Link protocols allowed in a document: web and mail only, never `javascript:` or `data:`. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const ALLOWED_LINK = new RegExp(`^(${LINK_PROTOCOLS.join('|')}):`, 'i');
/** Longest attribute string we keep: a long URL fits, a smuggled document does not. */
const MAX_ATTRIBUTE_CHARS = 4096;

const oneOf =
  (...values: readonly unknown[]): AttributeRule =>
  (value) =>
    values.includes(value);
const integerIn =
  (min: number, max: number): AttributeRule =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const shortString = (value: unknown) =>
  typeof value === 'string' && value.length <= MAX_ATTRIBUTE_CHARS;
const nullOr =
  (rule: AttributeRule): AttributeRule =>
  (value) =>
    value === null || rule(value);

/** A link target: an absolute http(s) or mailto URL, with no control characters or spaces. */
export function isAllowedLinkHref(value: unknown): boolean {
  return (
    shortString(value) &&
    ALLOWED_LINK.test(value as string) &&
    // Browsers strip tabs and newlines inside URLs, which hides a scheme ("java\tscript:").
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    !/[\u0000-\u0020\u007f]/.test(value as string)
  );
}

/** A JSON primitive short enough to be an attribute. */
export function isPlainAttributeValue(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    shortString(value)
  );
}

const textUpTo =
  (max: number): AttributeRule =>
  (value) =>
    typeof value === 'string' && value.length <= max;
const blockId: AttributeRule = (value) => typeof value === 'string' && BLOCK_ID_PATTERN.test(value);
const finiteOrNull: AttributeRule = (value) =>
  value === null || (typeof value === 'number' && Number.isFinite(value));
const rating = integerIn(RATING_MIN, RATING_MAX);

/** A scenario's section links: a JSON list of at most 20 `{documentId, anchor}`, nothing else. */
export function isSectionLinkList(value: unknown): boolean {
  if (!textUpTo(BLOCK_TEXT_LIMITS.sectionLinks)(value)) return false;
  let links: unknown;
  try {
    links = JSON.parse(value as string);
  } catch {
    return false;
  }
  return (
    Array.isArray(links) &&
    links.length <= MAX_SECTION_LINKS &&
    links.every(
      (link: unknown) =>
        typeof link === 'object' &&
        link !== null &&
        !Array.isArray(link) &&
        Object.keys(link).length === 2 &&
        blockId((link as { documentId?: unknown }).documentId) &&
        typeof (link as { anchor?: unknown }).anchor === 'string' &&
        SECTION_ANCHOR_PATTERN.test((link as { anchor: string }).anchor),
    )
  );
}

/** The method blocks of decision 0049: ids, short labels, ratings and fixed vocabularies. */
const blockRules: Record<string, Record<string, AttributeRule>> = {
  assessmentMatrix: {
    matrixId: blockId,
    title: textUpTo(BLOCK_TEXT_LIMITS.title),
    allowObservers: (v) => typeof v === 'boolean',
  },
  matrixCriterion: {
    criterionId: blockId,
    label: textUpTo(BLOCK_TEXT_LIMITS.label),
    dac: oneOf(null, ...DAC_CRITERIA),
  },
  matrixRow: {
    rowId: blockId,
    label: textUpTo(BLOCK_TEXT_LIMITS.label),
    priority: oneOf(null, ...BLOCK_PRIORITIES),
  },
  foresightBoard: {
    boardId: blockId,
    title: textUpTo(BLOCK_TEXT_LIMITS.title),
    axisX: nullOr(blockId),
    axisY: nullOr(blockId),
  },
  foresightDriver: {
    driverId: blockId,
    category: oneOf(...STEEP_CATEGORIES),
    label: textUpTo(BLOCK_TEXT_LIMITS.label),
    impact: rating,
    uncertainty: rating,
  },
  foresightScenario: {
    scenarioId: blockId,
    quadrant: oneOf(...QUADRANTS),
    name: textUpTo(BLOCK_TEXT_LIMITS.name),
    sectionLinks: isSectionLinkList,
  },
  foresightWildcard: { wildcardId: blockId, label: textUpTo(BLOCK_TEXT_LIMITS.label) },
  pilotIndicators: { blockId, title: textUpTo(BLOCK_TEXT_LIMITS.title) },
  pilotIndicator: {
    indicatorId: blockId,
    name: textUpTo(BLOCK_TEXT_LIMITS.name),
    unit: textUpTo(BLOCK_TEXT_LIMITS.unit),
    baseline: finiteOrNull,
    target: finiteOrNull,
    result: finiteOrNull,
    source: textUpTo(BLOCK_TEXT_LIMITS.source),
  },
};

const cellRules: Record<string, AttributeRule> = {
  colspan: integerIn(1, 1000),
  rowspan: integerIn(1, 1000),
  colwidth: nullOr(
    (value) =>
      Array.isArray(value) &&
      value.length <= 1000 &&
      value.every((w) => w === null || integerIn(0, 100_000)(w)),
  ),
  align: oneOf(null, 'left', 'center', 'right'),
};

export const NODE_ATTRIBUTE_RULES: Record<string, Record<string, AttributeRule>> = {
  heading: { level: oneOf(...HEADING_LEVELS) },
  codeBlock: { language: nullOr((v) => typeof v === 'string' && /^[\w#+.-]{1,40}$/.test(v)) },
  orderedList: { start: integerIn(0, 1_000_000), type: oneOf(null, '1', 'a', 'A', 'i', 'I') },
  taskItem: { checked: (v) => typeof v === 'boolean' },
  tableCell: cellRules,
  tableHeader: cellRules,
  ...blockRules,
};

/**
 * A suggestion's id and its author's user id: opaque strings. Never a number: the library's
 * default ids count up from the document's highest, which two offline authors share.
 */
const opaqueId: AttributeRule = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
/**
 * When the author made the suggestion, by their own clock (`Date.toISOString()`): shown, never
 * trusted (the server's ledger keeps its own time). Null on marks from before it existed.
 */
const suggestionTime: AttributeRule = nullOr(
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
);
const suggestionRules = { id: opaqueId, authorId: opaqueId, createdAt: suggestionTime };

/**
 * The value before or after a suggested modification, which applying or reverting it writes
 * back: a node attribute's value (a plain value, or a list of them like `colwidth`), a node type
 * name, or a mark as JSON whose attributes pass that mark's rules (no `javascript:` link).
 */
export function isModificationValue(value: unknown): boolean {
  if (isPlainAttributeValue(value)) return true;
  if (Array.isArray(value)) return value.length <= 1000 && value.every(isPlainAttributeValue);
  if (typeof value !== 'object' || value === null) return false;
  const { type, attrs, ...rest } = value as { type?: unknown; attrs?: unknown };
  if (Object.keys(rest).length > 0 || typeof type !== 'string' || !/^\w{1,40}$/.test(type))
    return false;
  if (attrs === undefined) return true;
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return false;
  return Object.entries(attrs).every(([name, v]) => attributeRule('mark', type, name)(v));
}

export const MARK_ATTRIBUTE_RULES: Record<string, Record<string, AttributeRule>> = {
  link: {
    href: isAllowedLinkHref,
    target: oneOf(null, '_blank', '_self'),
    rel: nullOr(shortString),
    class: nullOr(shortString),
    title: nullOr(shortString),
  },
  commentThread: { threadId: (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v) },
  insertion: suggestionRules,
  deletion: suggestionRules,
  modification: {
    ...suggestionRules,
    type: oneOf(...MODIFICATION_TYPES),
    attrName: nullOr((v) => typeof v === 'string' && /^\w{1,40}$/.test(v)),
    previousValue: isModificationValue,
    newValue: isModificationValue,
  },
};

/** The rule for one attribute of a node or mark the schema declares. */
export function attributeRule(
  kind: 'node' | 'mark',
  typeName: string,
  attribute: string,
): AttributeRule {
  const rules = kind === 'node' ? NODE_ATTRIBUTE_RULES : MARK_ATTRIBUTE_RULES;
  return rules[typeName]?.[attribute] ?? isPlainAttributeValue;
}
