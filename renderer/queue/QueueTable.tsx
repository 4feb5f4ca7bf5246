// The virtualized queue grid: only visible rows are in the DOM, pages load as they scroll into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { QueueItem } from '../../shared/domain/queue.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import type { PageCache } from './usePageCache.js';
import { QueueRow } from './QueueRow.js';

export const ROW_HEIGHT = 44;
/** The sticky header row inside the scrolling grid (matches .grid-row-head in queue.css). */
export const HEADER_HEIGHT = 36;

export type SortKey = 'due' | 'submitted' | 'earner';
export type Direction = 'asc' | 'desc';

interface Column {
  id: 'due' | 'status' | 'attempt' | 'earner' | 'achievement' | 'submitted';
  label: string;
  sort?: SortKey;
}

export interface QueueTableProps {
  cache: PageCache;
  blind: boolean;
  sort: SortKey;
  direction: Direction;
  onSort: (sort: SortKey) => void;
  onOpen: (item: QueueItem) => void;
  /** Changes when the query changes: the grid returns to the top. */
  resetKey: string;
}

export function QueueTable({ cache, blind, sort, direction, onSort, onOpen, resetKey }: QueueTableProps) {
  const gridId = useId();
  // The grid itself scrolls, so the focusable element and the scrollable region are one (axe asks for it).
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const total = cache.total ?? 0;

  const columns: Column[] = [
    { id: 'due', label: t.queue.col.due, sort: 'due' },
    { id: 'status', label: t.queue.col.status },
    { id: 'attempt', label: t.queue.col.attempt },
    ...(blind ? [] : [{ id: 'earner', label: t.queue.col.earner, sort: 'earner' } as Column]),
    { id: 'achievement', label: t.queue.col.achievement },
    { id: 'submitted', label: t.queue.col.submitted, sort: 'submitted' },
  ];

  // TanStack Virtual hands back a mutable instance the React Compiler cannot memoise; this app is not compiled by it.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself; nothing memoised
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { want } = cache;
  useEffect(() => {
    if (total > 0) want(first, last);
  }, [first, last, total, want]);

  useEffect(() => {
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    if (active > 0 && active >= total) setActive(Math.max(0, total - 1));
  }, [active, total]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    // Rows have one fixed height, so the scroll is computed here at once; the virtualizer's own
    // scrollToIndex settles over several frames and races quick key presses.
    const body = scrollRef.current;
    if (!body) return;
    const top = HEADER_HEIGHT + next * ROW_HEIGHT;
    if (top < body.scrollTop + HEADER_HEIGHT) body.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight)
      body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== scrollRef.current || total === 0) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const item = cache.row(active);
      if (item) {
        e.preventDefault();
        onOpen(item);
      }
    }
  };

  const rowId = (index: number) => `${gridId}-row-${index}`;
  const activeRendered = items.some((v) => v.index === active);
  const template = blind ? 'grid-cols-blind' : 'grid-cols';

  return (
    <div
      ref={scrollRef}
      className={`grid ${template}`}
      role="grid"
      aria-label={t.queue.tableLabel}
      aria-describedby={`${gridId}-help`}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-busy={cache.total === null}
      tabIndex={0}
      aria-keyshortcuts="Alt+Q"
      aria-activedescendant={activeRendered && total > 0 ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      <p id={`${gridId}-help`} className="sr-only">
        {t.queue.tableHelp}
      </p>
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-row-head">
          {columns.map((col, i) => (
            <div
              key={col.id}
              role="columnheader"
              aria-colindex={i + 1}
              className={`cell cell-${col.id}`}
              aria-sort={col.sort && col.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {col.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(col.sort as SortKey)}>
                  {col.label}
                  <Icon
                    name={col.sort === sort ? (direction === 'asc' ? 'arrowUp' : 'arrowDown') : 'sort'}
                    size={13}
                    className={col.sort === sort ? 'sort-icon active' : 'sort-icon'}
                  />
                </button>
              ) : (
                col.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body">
        {cache.total === 0 ? (
          <div className="grid-empty" role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={columns.length}>
              <p className="grid-empty-title">{t.queue.noMatchesTitle}</p>
              <p className="muted">{t.queue.noMatchesBody}</p>
            </div>
          </div>
        ) : (
          <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => (
              <QueueRow
                key={v.index}
                id={rowId(v.index)}
                index={v.index}
                top={v.start - HEADER_HEIGHT}
                item={cache.row(v.index)}
                blind={blind}
                active={v.index === active}
                onClick={() => {
                  setActive(v.index);
                  const item = cache.row(v.index);
                  if (item) onOpen(item);
                }}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
