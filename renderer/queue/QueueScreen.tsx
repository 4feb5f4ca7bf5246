// The queue screen: counts as filter chips, search and filters, blind review and the virtual grid.
import { useEffect, useMemo, useState } from 'react';
import type { QueueItem, SubmissionStatus } from '../../shared/domain/queue.js';
import { useBlindReview } from '../app/useBlindReview.js';
import { warmPdfViewerWhenIdle } from '../evidence/ArtifactViewer.js';
import { FirstRun } from '../import/FirstRun.js';
import { QueueClosed } from '../quality/QueueClosed.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { useDebounced } from '../ui/useDebounced.js';
import { QueueTable, type Direction, type SortKey } from './QueueTable.js';
import { QueueToolbar } from './QueueToolbar.js';
import { StatusChips } from './StatusChips.js';
import { usePageCache, type BaseQuery } from './usePageCache.js';
import { useQueueSummary } from './useQueueSummary.js';
import { ScreenHead } from '../ui/ScreenHead.js';
import { Switch } from '../ui/Switch.js';

export interface QueueScreenProps {
  reloadKey: number;
  firstRun: boolean;
  busy: boolean;
  onOpen: (item: QueueItem) => void;
  onImport: () => void;
  onSample: () => void;
  /** What calibration still lacks while it keeps the live queue closed; null while the queue is open. */
  closed: string | null;
  onCalibration: () => void;
}

export function QueueScreen({
  reloadKey,
  firstRun,
  busy,
  onOpen,
  onImport,
  onSample,
  closed,
  onCalibration,
}: QueueScreenProps) {
  const [blind, setBlind] = useBlindReview();
  const [status, setStatus] = useState<SubmissionStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [achievementId, setAchievementId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('due');
  const [direction, setDirection] = useState<Direction>('asc');
  const debouncedSearch = useDebounced(search.trim(), 150);
  const { counts, achievements } = useQueueSummary(reloadKey);
  // Reviews are opened from here and most carry PDFs: pdf.js and its worker load in an idle moment, once a session.
  useEffect(() => (firstRun ? undefined : warmPdfViewerWhenIdle()), [firstRun]);

  const effectiveSort: SortKey = blind && sort === 'earner' ? 'due' : sort;
  const query = useMemo<BaseQuery>(
    () => ({
      status: status ? [status] : undefined,
      achievementId: achievementId ?? undefined,
      attempt: attempt ?? undefined,
      overdue: overdue || undefined,
      search: debouncedSearch || undefined,
      sort: effectiveSort,
      direction,
      blind,
    }),
    [status, achievementId, attempt, overdue, debouncedSearch, effectiveSort, direction, blind],
  );
  const cache = usePageCache(query, reloadKey);
  const resetKey = JSON.stringify(query);

  const onSort = (key: SortKey) => {
    if (key === effectiveSort) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      // Newest first is the useful order for submitted dates; soonest first for due dates; A–Z for names.
      setDirection(key === 'submitted' ? 'desc' : 'asc');
    }
  };
  const filtered = status !== null || overdue || achievementId !== null || attempt !== null || search !== '';
  const clear = () => {
    setStatus(null);
    setOverdue(false);
    setAchievementId(null);
    setAttempt(null);
    setSearch('');
  };
  const empty = counts !== null && counts.total === 0;
  // Closed as calibration last said, or as the queue itself answered (the reason in main's words).
  const closedBecause = closed ?? (cache.errorCode === 'calibration-required' ? cache.error : null);

  return (
    <section className="screen queue-screen" aria-labelledby="queue-title">
      <ScreenHead
        titleId="queue-title"
        title={t.queue.title}
        subtitle={counts && counts.total > 0 ? t.queue.subtitle(counts.total) : null}
        actions={
          <>
            {!empty && (
              <Switch checked={blind} describedBy="blind-hint" onToggle={() => setBlind(!blind)}>
                {t.queue.blind}
              </Switch>
            )}
            <span id="blind-hint" className="sr-only">
              {t.queue.blindHint}
            </span>
            {!empty && (
              <button type="button" className="button button-primary" onClick={onImport} aria-disabled={busy}>
                <Icon name="upload" size={15} />
                {t.importing.button}
              </button>
            )}
          </>
        }
      />

      {closedBecause !== null ? (
        <QueueClosed missing={closedBecause} onCalibration={onCalibration} />
      ) : empty ? (
        <FirstRun firstRun={firstRun} busy={busy} onImport={onImport} onSample={onSample} />
      ) : (
        <>
          {blind && (
            <p className="notice">
              <Icon name="eyeOff" size={15} />
              {t.queue.blindOnNotice}
            </p>
          )}
          <StatusChips counts={counts} status={status} overdue={overdue} onStatus={setStatus} onOverdue={setOverdue} />
          <div className="toolbar-row">
            <QueueToolbar
              blind={blind}
              search={search}
              onSearch={setSearch}
              achievements={achievements}
              achievementId={achievementId}
              onAchievement={setAchievementId}
              attempt={attempt}
              onAttempt={setAttempt}
              filtered={filtered}
              onClear={clear}
            />
            <p className="result-count" role="status">
              {cache.total !== null && t.queue.results(cache.total)}
            </p>
          </div>
          {cache.error ? (
            <div className="inline-error" role="alert">
              <Icon name="alert" size={16} />
              <span>{cache.error}</span>
              <button type="button" className="button" onClick={cache.retry}>
                {t.queue.retry}
              </button>
            </div>
          ) : null}
          <QueueTable
            cache={cache}
            blind={blind}
            sort={effectiveSort}
            direction={direction}
            onSort={onSort}
            onOpen={onOpen}
            resetKey={resetKey}
          />
        </>
      )}
    </section>
  );
}
