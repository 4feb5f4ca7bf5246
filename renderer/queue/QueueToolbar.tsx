// Search and the achievement and attempt filters above the queue grid.
import { useId } from 'react';
import { MIN_PREFIX_LETTERS, wholeWordsOnly } from '../../shared/domain/text.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import type { Achievement } from './useQueueSummary.js';

/** Attempts offered in the filter: first attempts, then resubmissions by attempt number. */
const ATTEMPTS = [1, 2, 3, 4];

export interface QueueToolbarProps {
  blind: boolean;
  search: string;
  onSearch: (text: string) => void;
  achievements: Achievement[];
  achievementId: string | null;
  onAchievement: (id: string | null) => void;
  attempt: number | null;
  onAttempt: (attempt: number | null) => void;
  filtered: boolean;
  onClear: () => void;
}

export function QueueToolbar(p: QueueToolbarProps) {
  const id = useId();
  const searchLabel = p.blind ? t.queue.searchLabelBlind : t.queue.searchLabel;
  const short = wholeWordsOnly(p.search);
  return (
    <div className="toolbar" role="search" aria-label={t.queue.filtersLabel}>
      <div className="search">
        <Icon name="search" size={15} className="search-icon" />
        <label htmlFor={`${id}-search`} className="sr-only">
          {searchLabel}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input search-input"
          placeholder={p.blind ? t.queue.searchPlaceholderBlind : t.queue.searchPlaceholder}
          value={p.search}
          onChange={(e) => p.onSearch(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={short.length > 0 ? `${id}-search-hint` : undefined}
        />
        {short.length > 0 && (
          <p id={`${id}-search-hint`} className="search-hint" role="status">
            {t.queue.wholeWordsHint(short, MIN_PREFIX_LETTERS)}
          </p>
        )}
      </div>
      <label htmlFor={`${id}-achievement`} className="sr-only">
        {t.queue.achievementLabel}
      </label>
      <select
        id={`${id}-achievement`}
        className="input select"
        value={p.achievementId ?? ''}
        onChange={(e) => p.onAchievement(e.target.value || null)}
      >
        <option value="">{t.queue.anyAchievement}</option>
        {p.achievements.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-attempt`} className="sr-only">
        {t.queue.attemptLabel}
      </label>
      <select
        id={`${id}-attempt`}
        className="input select"
        value={p.attempt ?? ''}
        onChange={(e) => p.onAttempt(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{t.queue.anyAttempt}</option>
        {ATTEMPTS.map((n) => (
          <option key={n} value={n}>
            {n === 1 ? t.queue.firstAttempt : t.queue.attemptOption(n)}
          </option>
        ))}
      </select>
      {p.filtered && (
        <button type="button" className="button button-ghost" onClick={p.onClear}>
          {t.queue.clearFilters}
        </button>
      )}
    </div>
  );
}
