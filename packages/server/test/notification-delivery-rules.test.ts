import { describe, expect, it } from 'vitest';
import {
  capReached,
  DEFAULT_QUIET_HOURS,
  deliveryRules,
  quietUntil,
} from '../src/services/notifications/delivery-rules.js';

const night = { start: '21:00', end: '09:00' };
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('quiet hours', () => {
  it('across midnight: before midnight waits for the next morning, after it for this morning', () => {
    // Tokyo, UTC+9, no DST.
    expect(iso(quietUntil(new Date('2026-06-10T12:30:00Z'), 'Asia/Tokyo', night))).toBe(
      '2026-06-11T00:00:00.000Z',
    ); // 21:30 → 09:00 next day
    expect(iso(quietUntil(new Date('2026-06-10T20:00:00Z'), 'Asia/Tokyo', night))).toBe(
      '2026-06-11T00:00:00.000Z',
    ); // 05:00 → 09:00 same day
    expect(quietUntil(new Date('2026-06-10T11:59:00Z'), 'Asia/Tokyo', night)).toBeNull(); // 20:59
    expect(iso(quietUntil(new Date('2026-06-10T12:00:00Z'), 'Asia/Tokyo', night))).toBe(
      '2026-06-11T00:00:00.000Z',
    ); // 21:00 sharp is quiet
    expect(quietUntil(new Date('2026-06-11T00:00:00Z'), 'Asia/Tokyo', night)).toBeNull(); // 09:00 sharp is not
  });

  it('a window within one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    // Kolkata, UTC+5:30: 13:00 local = 07:30Z.
    expect(iso(quietUntil(new Date('2026-01-05T07:30:00Z'), 'Asia/Kolkata', lunch))).toBe(
      '2026-01-05T08:30:00.000Z',
    );
    expect(quietUntil(new Date('2026-01-05T09:00:00Z'), 'Asia/Kolkata', lunch)).toBeNull();
  });

  it('a night that spans the spring-forward change ends at 09:00 summer time', () => {
    // Berlin, 28 → 29 March 2026: 02:00 CET becomes 03:00 CEST. 22:30 CET = 21:30Z.
    expect(iso(quietUntil(new Date('2026-03-28T21:30:00Z'), 'Europe/Berlin', night))).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('a night that spans the fall-back change ends at 09:00 standard time', () => {
    // New York, 31 Oct → 1 Nov 2026: 02:00 EDT becomes 01:00 EST. 23:00 EDT = 03:00Z.
    expect(iso(quietUntil(new Date('2026-11-01T03:00:00Z'), 'America/New_York', night))).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });

  it('an end inside the skipped hour comes out just after the gap, never before now', () => {
    // Berlin 29 March 2026: 02:30 does not exist; 23:00 CET = 22:00Z.
    const until = quietUntil(new Date('2026-03-28T22:00:00Z'), 'Europe/Berlin', {
      start: '22:00',
      end: '02:30',
    });
    expect(iso(until)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('southern hemisphere DST (Sydney, April 2026: 03:00 AEDT → 02:00 AEST)', () => {
    // 5 April 2026: 22:00 AEDT (UTC+11) = 11:00Z on 4 April; 09:00 AEST (UTC+10) = 23:00Z.
    expect(iso(quietUntil(new Date('2026-04-04T11:00:00Z'), 'Australia/Sydney', night))).toBe(
      '2026-04-04T23:00:00.000Z',
    );
  });

  it('none: null, equal start and end, or an unknown zone read as UTC', () => {
    const at = new Date('2026-06-10T23:00:00Z');
    expect(quietUntil(at, 'UTC', null)).toBeNull();
    expect(quietUntil(at, 'UTC', { start: '10:00', end: '10:00' })).toBeNull();
    expect(iso(quietUntil(at, 'Not/AZone', night))).toBe('2026-06-11T09:00:00.000Z');
  });
});

describe('store rules and caps', () => {
  it('defaults, and a store’s own', () => {
    expect(deliveryRules({})).toEqual({
      quietHours: DEFAULT_QUIET_HOURS,
      maxPerDay: 2,
      maxPerWeek: 6,
    });
    expect(deliveryRules({ notifications: { quietHours: null, maxPerDay: 5 } })).toEqual({
      quietHours: null,
      maxPerDay: 5,
      maxPerWeek: 6,
    });
  });

  it('the cap is reached at the day’s or the week’s limit', () => {
    const rules = deliveryRules({ notifications: { maxPerDay: 2, maxPerWeek: 3 } });
    expect(capReached({ lastDay: 1, lastWeek: 2 }, rules)).toBe(false);
    expect(capReached({ lastDay: 2, lastWeek: 2 }, rules)).toBe(true);
    expect(capReached({ lastDay: 0, lastWeek: 3 }, rules)).toBe(true);
    expect(
      capReached({ lastDay: 0, lastWeek: 0 }, deliveryRules({ notifications: { maxPerDay: 0 } })),
    ).toBe(true);
  });
});
