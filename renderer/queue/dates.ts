// Due and submitted dates for the queue: a relative phrase ("in 3 days") and an absolute date.
import { t } from '../strings/en.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const relative = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium' });
const absoluteWithTime = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' });

/** "in 3 days", "yesterday", "in 5 hours": days when a day or more away, hours below that. */
export function relativeTo(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  if (Math.abs(diff) < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
  const days = Math.round(diff / DAY);
  if (Math.abs(days) < 60) return relative.format(days, 'day');
  return relative.format(Math.round(days / 30), 'month');
}

export function absoluteDate(iso: string): string {
  return absolute.format(new Date(iso));
}

export function absoluteDateTime(iso: string): string {
  return absoluteWithTime.format(new Date(iso));
}
