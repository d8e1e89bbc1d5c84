import type { NotificationTopic } from '../../db/schema/index.js';
import type { NotificationSettings, StoreSettings } from '../../db/types.js';

/**
 * When and how often a shopper may be told something (issue 13: "too many pushed messages
 * disgust people"). Pure: the worker asks it with the clock and the counts it read.
 */
export interface DeliveryRules {
  /** Local wall-clock times, 'HH:MM'; null: no quiet hours. */
  quietHours: { start: string; end: string } | null;
  maxPerDay: number;
  maxPerWeek: number;
}

export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '09:00' } as const;
export const DEFAULT_MAX_PER_DAY = 2;
export const DEFAULT_MAX_PER_WEEK = 6;

/** A store's rules: its `notifications` settings over the defaults. */
export function deliveryRules(settings: Pick<StoreSettings, 'notifications'>): DeliveryRules {
  const n: NotificationSettings = settings.notifications ?? {};
  return {
    quietHours: n.quietHours === undefined ? DEFAULT_QUIET_HOURS : n.quietHours,
    maxPerDay: n.maxPerDay ?? DEFAULT_MAX_PER_DAY,
    maxPerWeek: n.maxPerWeek ?? DEFAULT_MAX_PER_WEEK,
  };
}

/** Order updates are transactional: the shopper is waiting for them, so no hours or caps. */
export const isTransactional = (topic: NotificationTopic) => topic === 'order-updates';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** The wall clock in a time zone at an instant (an unknown zone reads as UTC). */
function wallClock(at: Date, timeZone: string) {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return wallClock(at, 'UTC');
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return {
    year: part.year!,
    month: part.month!,
    day: part.day!,
    minutes: part.hour! * 60 + part.minute!,
    /** The zone's offset from UTC at that instant, in ms. */
    offsetMs:
      Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) -
      (at.getTime() - at.getUTCMilliseconds()),
  };
}

/**
 * The instant the local clock of `timeZone` next reads `minutes` after midnight, from the
 * local date `day` (+ `addDays`). Converted with the offset at the guess, then once more with
 * the offset at the result, so a DST change between now and then is accounted for; a wall
 * time that does not exist (the spring-forward gap) comes out just after the gap.
 */
function instantOfWallTime(
  day: { year: number; month: number; day: number },
  addDays: number,
  minutes: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day + addDays, 0, minutes);
  let guess = wall - wallClock(new Date(wall), timeZone).offsetMs;
  guess = wall - wallClock(new Date(guess), timeZone).offsetMs;
  return new Date(guess);
}

/**
 * Null when a message may go now; else the end of the quiet hours (in the shopper's time
 * zone) it must wait for. A window whose start is after its end spans midnight (21:00–09:00);
 * start = end means no quiet hours.
 */
export function quietUntil(
  now: Date,
  timeZone: string,
  quiet: DeliveryRules['quietHours'],
): Date | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const local = wallClock(now, timeZone);
  const t = local.minutes;
  const inside = start < end ? t >= start && t < end : t >= start || t < end;
  if (!inside) return null;
  // Across midnight and still before it: the end is tomorrow's (local) date.
  const addDays = start > end && t >= start ? 1 : 0;
  const until = instantOfWallTime(local, addDays, end, timeZone);
  return until > now ? until : null;
}

/** Messages already sent to the same shopper (any channel of theirs) in the last day and week. */
export interface RecentlySent {
  lastDay: number;
  lastWeek: number;
}

/** True when one more message would exceed the store's per-shopper frequency cap. */
export const capReached = (sent: RecentlySent, rules: DeliveryRules) =>
  sent.lastDay >= rules.maxPerDay || sent.lastWeek >= rules.maxPerWeek;
