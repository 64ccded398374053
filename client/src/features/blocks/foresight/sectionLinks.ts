import { isSectionLinkList, MAX_SECTION_LINKS, type SectionLinkData } from '@polisee/editor-schema';

/** A scenario's `sectionLinks` attribute read as a list; anything the rule refuses reads empty. */
export function readSectionLinks(value: unknown): SectionLinkData[] {
  if (!isSectionLinkList(value)) return [];
  return (JSON.parse(value as string) as SectionLinkData[]).map(({ documentId, anchor }) => ({
    documentId,
    anchor,
  }));
}

export function sameLink(a: SectionLinkData, b: SectionLinkData): boolean {
  return a.documentId === b.documentId && a.anchor === b.anchor;
}

/**
 * The attribute with `link` added at the end: null when it is there already or the list is
 * full (the schema's attribute rule refuses more than MAX_SECTION_LINKS), so the caller says why instead of writing a value the collaboration endpoint refuses.
 */
export function addSectionLink(value: unknown, link: SectionLinkData): string | null {
  const links = readSectionLinks(value);
  if (links.length >= MAX_SECTION_LINKS || links.some((l) => sameLink(l, link))) return null;
  const next = JSON.stringify([...links, { documentId: link.documentId, anchor: link.anchor }]);
  return isSectionLinkList(next) ? next : null;
}

export function removeSectionLink(value: unknown, link: SectionLinkData): string {
  return JSON.stringify(readSectionLinks(value).filter((l) => !sameLink(l, link)));
}
