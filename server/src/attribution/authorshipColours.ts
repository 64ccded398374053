import { PRESENCE_COLORS, presenceColor } from '@polisee/domain';

/**
 * The palette index of each organisation's colour in one document's authorship view, the
 * organisations given in the order they first wrote in it. Each takes the colour its name picks
 * (as suggestion marks and cursors pick it) unless an organisation that wrote earlier holds it:
 * the name hash puts two of the five demo partners on the same colour, and a view that colours
 * two organisations alike tells nothing apart. It then takes the next free colour; once the
 * palette is used up, its own again. Earlier writers keep their colour as others join.
 */
export function authorshipColourIndices(names: readonly string[]): number[] {
  const taken = new Set<number>();
  return names.map((name) => {
    const own = PRESENCE_COLORS.indexOf(presenceColor(name) as (typeof PRESENCE_COLORS)[number]);
    let index = own;
    for (let step = 0; taken.has(index) && step < PRESENCE_COLORS.length; step++)
      index = (own + step + 1) % PRESENCE_COLORS.length;
    if (taken.has(index)) index = own;
    taken.add(index);
    return index;
  });
}
