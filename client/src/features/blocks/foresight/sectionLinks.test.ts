import { MAX_SECTION_LINKS } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import { addSectionLink, readSectionLinks, removeSectionLink } from './sectionLinks';

const link = (n: number) => ({ documentId: `doc-${n}`, anchor: 'AQIDBA==' });

describe("a scenario's section links", () => {
  it('reads a valid attribute, and anything else as no links', () => {
    expect(readSectionLinks(JSON.stringify([link(1)]))).toEqual([link(1)]);
    expect(readSectionLinks('[]')).toEqual([]);
    expect(readSectionLinks('not json')).toEqual([]);
    expect(readSectionLinks(JSON.stringify([{ ...link(1), extra: true }]))).toEqual([]);
    expect(readSectionLinks(null)).toEqual([]);
  });

  it('adds a link once, up to the limit, and removes it', () => {
    const one = addSectionLink('[]', link(1));
    expect(readSectionLinks(one)).toEqual([link(1)]);
    expect(addSectionLink(one, link(1))).toBeNull();
    const full = JSON.stringify(Array.from({ length: MAX_SECTION_LINKS }, (_, i) => link(i)));
    expect(addSectionLink(full, link(99))).toBeNull();
    expect(readSectionLinks(removeSectionLink(one, link(1)))).toEqual([]);
    expect(readSectionLinks(removeSectionLink(full, link(3)))).toHaveLength(MAX_SECTION_LINKS - 1);
  });
});
