// The status filter as chips that carry each status's count, plus the "overdue only" toggle.
import type { StatusCounts, SubmissionStatus } from '../../shared/domain/queue.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

// The status names table lists every status (checked in en.ts), so it doubles as the list; importing
// the shared constant would pull zod into the renderer bundle.
const STATUSES = Object.keys(t.queue.status) as SubmissionStatus[];

export interface StatusChipsProps {
  counts: StatusCounts | null;
  status: SubmissionStatus | null;
  overdue: boolean;
  onStatus: (status: SubmissionStatus | null) => void;
  onOverdue: (overdue: boolean) => void;
}

export function StatusChips({ counts, status, overdue, onStatus, onOverdue }: StatusChipsProps) {
  const count = (n: number | undefined) => (
    <span className="chip-count">{n === undefined ? '–' : n.toLocaleString(t.locale)}</span>
  );
  return (
    <div className="chips" role="group" aria-label={t.queue.statusFilterLabel}>
      <button type="button" className="chip" aria-pressed={status === null} onClick={() => onStatus(null)}>
        {t.queue.all}
        {count(counts?.total)}
      </button>
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`chip chip-${s}`}
          aria-pressed={status === s}
          onClick={() => onStatus(status === s ? null : s)}
        >
          <span className={`dot dot-${s}`} aria-hidden="true" />
          {t.queue.status[s]}
          {count(counts?.[s])}
        </button>
      ))}
      <span className="chips-divider" aria-hidden="true" />
      <button type="button" className="chip chip-overdue" aria-pressed={overdue} onClick={() => onOverdue(!overdue)}>
        <Icon name="alert" size={14} />
        {t.queue.overdue}
        {count(counts?.overdue)}
      </button>
    </div>
  );
}
