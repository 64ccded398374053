import { describe, expect, it } from 'vitest';
import { achievementDisplay, formatIndicatorNumber, parseIndicatorNumber } from './achievement';

describe('achievementDisplay', () => {
  it('shows how far the result went from the baseline to the target', () => {
    expect(achievementDisplay({ baseline: 10, target: 50, result: 40 }, 'en')).toEqual({
      text: '75%',
      barPercent: 75,
      state: 'progress',
    });
  });

  it('spaces the percent sign the way the language does', () => {
    const display = achievementDisplay({ baseline: 0, target: 4, result: 3 }, 'ro');
    expect(display?.text).toMatch(/^75\s%$/);
  });

  it('works for a target below the baseline (a cut) and clamps the bar, not the figure', () => {
    expect(achievementDisplay({ baseline: 100, target: 60, result: 50 }, 'en')).toEqual({
      text: '125%',
      barPercent: 100,
      state: 'reached',
    });
    expect(achievementDisplay({ baseline: 10, target: 20, result: 5 }, 'en')).toEqual({
      text: '-50%',
      barPercent: 0,
      state: 'behind',
    });
  });

  it('shows nothing while a value is missing or the target is the baseline', () => {
    expect(achievementDisplay({ baseline: 1, target: null, result: 2 }, 'en')).toBeNull();
    expect(achievementDisplay({ baseline: 5, target: 5, result: 5 }, 'en')).toBeNull();
  });
});

describe('parseIndicatorNumber', () => {
  it('reads numbers as written in the UI language', () => {
    expect(parseIndicatorNumber('12.5', 'en')).toBe(12.5);
    expect(parseIndicatorNumber('1,250.5', 'en')).toBe(1250.5);
    expect(parseIndicatorNumber('12,5', 'ro')).toBe(12.5);
    expect(parseIndicatorNumber('1.250,5', 'el')).toBe(1250.5);
    expect(parseIndicatorNumber('1 250,5', 'hu')).toBe(1250.5);
    expect(parseIndicatorNumber('-3', 'bg')).toBe(-3);
  });

  it('takes a dot for the decimal point where it cannot group thousands', () => {
    expect(parseIndicatorNumber('12.5', 'ro')).toBe(12.5);
    expect(parseIndicatorNumber('1.250', 'el')).toBe(1250);
    expect(parseIndicatorNumber('1,250', 'en')).toBe(1250);
  });

  it('tells an empty field (not known) from text that is not a number', () => {
    expect(parseIndicatorNumber('  ', 'en')).toBeNull();
    expect(parseIndicatorNumber('abc', 'en')).toBeUndefined();
    expect(parseIndicatorNumber('1-2', 'en')).toBeUndefined();
  });

  it('formats a stored number back so that it reads the same', () => {
    expect(formatIndicatorNumber(1250.5, 'en')).toBe('1250.5');
    expect(formatIndicatorNumber(1250.5, 'el')).toBe('1250,5');
    for (const language of ['en', 'sq', 'bg', 'el', 'hu', 'ro'])
      expect(parseIndicatorNumber(formatIndicatorNumber(-1250.25, language), language)).toBe(
        -1250.25,
      );
    expect(formatIndicatorNumber(null, 'en')).toBe('');
  });
});
