// One row of the queue grid; in blind review it has no earner cell and carries no identity at all.
import { memo } from 'react';
import type { QueueItem } from '../../shared/domain/queue.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { absoluteDate, relativeTo } from './dates.js';

export interface QueueRowProps {
  id: string;
  index: number;
  top: number;
  item: QueueItem | undefined;
  blind: boolean;
  active: boolean;
  onClick: () => void;
}

export const QueueRow = memo(function QueueRow({ id, index, top, item, blind, active, onClick }: QueueRowProps) {
  const style = { transform: `translateY(${top}px)` };
  if (!item) {
    return (
      <div id={id} role="row" aria-rowindex={index + 2} className="grid-row grid-row-loading" style={style}>
        <div role="gridcell" aria-colindex={1} className="cell cell-due">
          <span className="skeleton" aria-hidden="true" />
          <span className="sr-only">{t.queue.loadingRow}</span>
        </div>
      </div>
    );
  }
  const classes = ['grid-row', active ? 'is-active' : '', item.overdue ? 'is-overdue' : ''].filter(Boolean).join(' ');
  // Blind review has no earner column: the columns after it move one to the left.
  const shift = blind ? 0 : 1;
  return (
    // The grid keeps keyboard focus on its scroll container (aria-activedescendant names the row; Enter opens it),
    // so a row is not a tab stop: the click is the pointer's way to the same act.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus -- see above
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={classes}
      style={style}
      onClick={onClick}
    >
      <div role="gridcell" aria-colindex={1} className="cell cell-due">
        {item.dueAt ? (
          <span className="due">
            <span className="due-rel">
              {item.overdue && <Icon name="alert" size={14} className="overdue-icon" />}
              {relativeTo(item.dueAt)}
            </span>
            <span className="due-abs">
              {item.overdue && <span className="tag-overdue">{t.queue.overdueTag}</span>}
              {absoluteDate(item.dueAt)}
            </span>
          </span>
        ) : (
          <span className="muted">{t.queue.noDueDate}</span>
        )}
      </div>
      <div role="gridcell" aria-colindex={2} className="cell cell-status">
        <span className={`badge badge-${item.status}`}>{t.queue.status[item.status]}</span>
      </div>
      <div
        role="gridcell"
        aria-colindex={3}
        className={item.attempt > 1 ? 'cell cell-attempt is-resubmission' : 'cell cell-attempt'}
      >
        {item.attempt === 1 ? (
          t.queue.firstAttempt
        ) : (
          <>
            {t.queue.resubmission}
            <span className="muted">{t.queue.attemptNumber(item.attempt)}</span>
          </>
        )}
      </div>
      {!blind && (
        <div role="gridcell" aria-colindex={4} className="cell cell-earner">
          {item.earnerName}
        </div>
      )}
      <div role="gridcell" aria-colindex={4 + shift} className="cell cell-achievement">
        {item.achievementName}
      </div>
      <div role="gridcell" aria-colindex={5 + shift} className="cell cell-submitted">
        {absoluteDate(item.submittedAt)}
      </div>
    </div>
  );
});
