import { describe, expect, it } from 'vitest';
import { agendaTime } from './agenda-time';

describe('time per agenda item', () => {
  it('sums the planned minutes against the meeting’s length, over only when more', () => {
    const points = [{ plannedMinutes: 10 }, { plannedMinutes: null }, { plannedMinutes: 20 }];
    expect(agendaTime(points, 30)).toEqual({
      planned: 30,
      meetingMinutes: 30,
      over: false,
      anyPlanned: true,
    });
    expect(agendaTime([...points, { plannedMinutes: 5 }], 30)).toMatchObject({
      planned: 35,
      over: true,
    });
  });

  it('has nothing planned when no point has minutes', () => {
    expect(agendaTime([{ plannedMinutes: null }], 20)).toEqual({
      planned: 0,
      meetingMinutes: 20,
      over: false,
      anyPlanned: false,
    });
  });
});
