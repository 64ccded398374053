import { RATING_MAX, RATING_MIN } from '@polisee/editor-schema';

/** The plot's drawing box, in SVG user units. */
export interface PlotFrame {
  width: number;
  height: number;
  /** Room left around the ratings for the axis labels. */
  padding: number;
}

export interface PlottedDriver {
  driverId: string;
  x: number;
  y: number;
}

/** A rating kept on the 1–5 scale (a stored value outside it is drawn at the nearest end). */
const clampRating = (value: number) =>
  Math.min(RATING_MAX, Math.max(RATING_MIN, Number.isFinite(value) ? value : RATING_MIN));

/** Distance between drivers that share both ratings, in SVG units. */
const SPREAD = 9;

/**
 * Where each driver sits on the impact × uncertainty plot: uncertainty along x (low on the
 * left), impact along y (high at the top), as in the JRC's foresight toolkit. Drivers with the
 * same two ratings would hide each other, so they are spread on a small circle around their
 * shared point, in document order (stable for every reader).
 */
export function placeDrivers(
  drivers: { driverId: string; impact: number; uncertainty: number }[],
  frame: PlotFrame,
): PlottedDriver[] {
  const span = RATING_MAX - RATING_MIN;
  const innerWidth = frame.width - 2 * frame.padding;
  const innerHeight = frame.height - 2 * frame.padding;
  const groups = new Map<string, number>();
  for (const driver of drivers) {
    const key = `${clampRating(driver.uncertainty)}:${clampRating(driver.impact)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return drivers.map((driver) => {
    const uncertainty = clampRating(driver.uncertainty);
    const impact = clampRating(driver.impact);
    const key = `${uncertainty}:${impact}`;
    const count = groups.get(key) ?? 1;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const cx = frame.padding + ((uncertainty - RATING_MIN) / span) * innerWidth;
    const cy = frame.padding + (1 - (impact - RATING_MIN) / span) * innerHeight;
    if (count === 1) return { driverId: driver.driverId, x: cx, y: cy };
    const angle = (2 * Math.PI * index) / count - Math.PI / 2;
    return {
      driverId: driver.driverId,
      x: cx + SPREAD * Math.cos(angle),
      y: cy + SPREAD * Math.sin(angle),
    };
  });
}

/** The position of a rating along an axis, for the grid lines and tick labels. */
export function ratingOffset(rating: number, length: number, padding: number): number {
  return padding + ((rating - RATING_MIN) / (RATING_MAX - RATING_MIN)) * (length - 2 * padding);
}
