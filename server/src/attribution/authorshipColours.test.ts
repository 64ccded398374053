import { PRESENCE_COLORS, presenceColor } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { authorshipColourIndices } from './authorshipColours.js';

const own = (name: string) =>
  PRESENCE_COLORS.indexOf(presenceColor(name) as (typeof PRESENCE_COLORS)[number]);

describe('authorshipColourIndices', () => {
  // Two demo partners whose names pick the same colour.
  const romania = 'North-East Regional Development Agency';
  const hungary = 'Pannon Innovation Agency';

  it('gives each organisation its name’s colour when no earlier writer holds it', () => {
    const names = [
      'Region of Central Macedonia',
      romania,
      'Institute for Economic Research, Sofia',
    ];
    expect(authorshipColourIndices(names)).toEqual(names.map(own));
  });

  it('moves a later writer whose name picks a colour already shown to the next free one', () => {
    expect(own(romania)).toBe(own(hungary));
    const [first, second] = authorshipColourIndices([romania, hungary]);
    expect(first).toBe(own(romania));
    expect(second).toBe((own(romania) + 1) % PRESENCE_COLORS.length);
    // The other order: the first to write keeps its colour.
    expect(authorshipColourIndices([hungary, romania])).toEqual([own(hungary), second]);
  });

  it('tells up to a palette of organisations apart, then reuses their own colours', () => {
    const names = Array.from({ length: PRESENCE_COLORS.length + 2 }, (_, i) => `Partner ${i}`);
    const indices = authorshipColourIndices(names);
    expect(new Set(indices.slice(0, PRESENCE_COLORS.length)).size).toBe(PRESENCE_COLORS.length);
    expect(indices.slice(PRESENCE_COLORS.length)).toEqual(
      names.slice(PRESENCE_COLORS.length).map(own),
    );
  });
});
