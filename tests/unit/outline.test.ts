import {readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {COURSE_PARTS, formatDuration, totalMinutes} from '@site/src/data/outline';

describe('course outline', () => {
  it('numbers parts 1, 2, 3… in order with positive durations', () => {
    COURSE_PARTS.forEach((part, index) => {
      expect(part.number).toBe(index + 1);
      expect(part.minutes).toBeGreaterThan(0);
      expect(part.docPath).toMatch(/^\/docs\/[a-z0-9-]+\/$/);
    });
  });

  it('lists exactly the numbered parts under docs/, each at its folder route', () => {
    const partFolders = readdirSync(new URL('../../docs/', import.meta.url), {withFileTypes: true})
      .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
      .map((entry) => entry.name)
      .filter((name) => Number(name.slice(0, 2)) <= 10)
      .sort();
    expect(COURSE_PARTS.map((part) => `${String(part.number).padStart(2, '0')}-${part.docPath.split('/')[2]}`)).toEqual(
      partFolders,
    );
  });

  it('formats durations in hours and minutes', () => {
    expect(formatDuration(25)).toBe('25 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(135)).toBe('2 h 15 min');
    expect(totalMinutes([{number: 1, title: 't', summary: 's', minutes: 30, docPath: '/docs/a/'}])).toBe(30);
  });
});
