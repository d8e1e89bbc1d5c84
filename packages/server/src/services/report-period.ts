import { MAX_REPORT_DAYS } from '../analytics.js';
import { ApiError } from '../errors.js';

/** A report's days, UTC, both included; `end` is the instant after the last day. */
export interface ReportPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

function dayStart(field: 'from' | 'to', day: string): Date {
  const start = new Date(`${day}T00:00:00Z`);
  // Date parses 2026-02-30 as March 2nd: a real day prints back as itself.
  if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== day) {
    throw new ApiError('invalid_date_range', `${field} is not a calendar date (YYYY-MM-DD).`, {
      field,
    });
  }
  return start;
}

/** Checks a report's from/to (YYYY-MM-DD, UTC days): real dates, from ≤ to, at most MAX_REPORT_DAYS. */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const start = dayStart('from', from);
  const last = dayStart('to', to);
  if (last < start) throw new ApiError('invalid_date_range', 'from is after to.', { from, to });
  const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS) {
    throw new ApiError('invalid_date_range', `A report covers at most ${MAX_REPORT_DAYS} days.`, {
      from,
      to,
      maxDays: MAX_REPORT_DAYS,
    });
  }
  return { from, to, start, end: new Date(last.getTime() + DAY_MS) };
}
