import { describe, expect, it } from 'vitest';
import { placeDrivers } from './plotPlacement';

const frame = { width: 240, height: 240, padding: 20 };

describe('placeDrivers', () => {
  it('puts uncertainty along x and impact along y, high impact at the top', () => {
    const [lowLow, highHigh, middle] = placeDrivers(
      [
        { driverId: 'a', impact: 1, uncertainty: 1 },
        { driverId: 'b', impact: 5, uncertainty: 5 },
        { driverId: 'c', impact: 3, uncertainty: 2 },
      ],
      frame,
    );
    expect(lowLow).toEqual({ driverId: 'a', x: 20, y: 220 });
    expect(highHigh).toEqual({ driverId: 'b', x: 220, y: 20 });
    expect(middle).toEqual({ driverId: 'c', x: 70, y: 120 });
  });

  it('spreads drivers with the same ratings so none hides another', () => {
    const placed = placeDrivers(
      ['a', 'b', 'c'].map((driverId) => ({ driverId, impact: 4, uncertainty: 2 })),
      frame,
    );
    const points = new Set(placed.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`));
    expect(points.size).toBe(3);
    for (const p of placed) expect(Math.hypot(p.x - 70, p.y - 70)).toBeCloseTo(9);
  });

  it('draws a stored rating outside 1–5 at the nearest end of the scale', () => {
    const [point] = placeDrivers([{ driverId: 'a', impact: 9, uncertainty: 0 }], frame);
    expect(point).toEqual({ driverId: 'a', x: 20, y: 20 });
  });
});
