import {describe, expect, it} from 'vitest';
import {decodeTaskProgress, encodeTaskProgress, formatElapsed, taskProgressKey, timerAnnouncement} from '@site/src/lib/tasks/progress';

describe('task progress in localStorage', () => {
  it('uses the key sml.task.v1.<id>', () => {
    expect(taskProgressKey('traffic-header-routing')).toBe('sml.task.v1.traffic-header-routing');
  });

  it('round-trips passed, passedAt and elapsedSeconds', () => {
    const record = {passed: true, passedAt: '2026-11-26T15:00:00.000Z', elapsedSeconds: 125};
    expect(decodeTaskProgress(encodeTaskProgress(record))).toEqual(record);
    expect(JSON.parse(encodeTaskProgress({passed: false, elapsedSeconds: 3}))).toEqual({passed: false, elapsedSeconds: 3});
  });

  it('tolerates corrupt or odd records: bad JSON, arrays, wrong types, negative times', () => {
    for (const raw of [null, '', '{', '[]', 'null', '"x"', '{"passed":"yes"}']) expect(decodeTaskProgress(raw)).toEqual({passed: false});
    expect(decodeTaskProgress('{"passed":true,"passedAt":"not a date","elapsedSeconds":-4}')).toEqual({passed: true});
    expect(decodeTaskProgress('{"passed":false,"passedAt":"2026-11-26T15:00:00Z","elapsedSeconds":61.7}')).toEqual({passed: false, elapsedSeconds: 61});
  });
});

describe('the timer text', () => {
  it('shows elapsed time as mm:ss', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65)).toBe('01:05');
    expect(formatElapsed(3600 + 5)).toBe('60:05');
  });

  it('announces only whole minutes, the end of the suggested time, and minutes over it', () => {
    expect(timerAnnouncement(59, 6)).toBeNull();
    expect(timerAnnouncement(61, 6)).toBeNull();
    expect(timerAnnouncement(60, 6)).toBe('1 minute of 6.');
    expect(timerAnnouncement(360, 6)).toBe('6 minutes: the suggested time is up.');
    expect(timerAnnouncement(480, 6)).toBe('8 minutes, 2 over the suggested time.');
  });
});
