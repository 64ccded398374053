import type { Quadrant } from '@polisee/editor-schema';
import type { TFunction } from 'i18next';

/**
 * A quadrant named from the two axis drivers ("High on Funding, low on Skills"), or from the
 * axes themselves while no driver is chosen for them. One message per quadrant: languages
 * inflect "high" and "low" differently.
 */
export function quadrantLabel(
  t: TFunction,
  quadrant: Quadrant,
  xName: string | null,
  yName: string | null,
): string {
  return t(`blocks.foresight.quadrants.${quadrant}`, {
    x: xName ?? t('blocks.foresight.axisXShort'),
    y: yName ?? t('blocks.foresight.axisYShort'),
  });
}
