// One rubric criterion: its levels side by side, earlier attempts and what changed, and the comment.
import { memo, useId } from 'react';
import type { CriterionComment } from '../../shared/domain/review.js';
import type { Criterion } from '../../shared/schemas/review-package.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { CommentBox } from './CommentBox.js';
import { changeFrom, levelById, type PreviousResult } from './draft-model.js';
import { LevelGrid } from './LevelGrid.js';
import { useActions } from './review-context.js';

export interface CriterionCardProps {
  criterion: Criterion;
  index: number;
  count: number;
  current: boolean;
  chosenId: string | undefined;
  comment: CriterionComment;
  previous: PreviousResult[];
  sectionName: string | undefined;
  disabled: boolean;
  bankOpen: boolean;
}

const CHANGE_ICON = { up: 'arrowUp', down: 'arrowDown', same: 'check' } as const;

export const CriterionCard = memo(function CriterionCard(p: CriterionCardProps) {
  const actions = useActions();
  const id = useId();
  const { criterion, index } = p;
  const chosen = levelById(criterion, p.chosenId);
  const required = levelById(criterion, criterion.requiredLevel);
  const last = p.previous[p.previous.length - 1];
  const change = changeFrom(last, chosen);
  const below = chosen && required && chosen.points < required.points;

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- focus landing anywhere in the card (its radios, comment) makes it the current criterion
    <div
      role="group"
      className={['criterion', p.current ? 'is-current' : '', chosen ? 'is-scored' : ''].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-state`}
      tabIndex={-1}
      data-criterion-index={index}
      onFocus={() => actions.setCurrent(index)}
    >
      <header className="criterion-head">
        <span className={chosen ? 'criterion-mark is-done' : 'criterion-mark'} aria-hidden="true">
          {chosen ? <Icon name="check" size={13} /> : index + 1}
        </span>
        <div className="criterion-titles">
          <h3 id={`${id}-name`} className="criterion-name">
            {criterion.name}
          </h3>
          <p className="criterion-sub">
            <span className="sr-only">{t.review.rubric.position(index + 1, p.count)} · </span>
            {p.sectionName && <span>{p.sectionName}</span>}
            {required && <span>{t.review.rubric.requiredLevel(required.name)}</span>}
          </p>
        </div>
        <p id={`${id}-state`} className={below ? 'criterion-state is-below' : 'criterion-state'}>
          {chosen ? t.review.rubric.chosen(chosen.name, chosen.points) : t.review.rubric.unscored}
          {below && <span className="sr-only"> {t.review.rubric.belowRequired}</span>}
        </p>
      </header>
      <LevelGrid
        criterion={criterion}
        labelledBy={`${id}-name`}
        chosenId={p.chosenId}
        previous={last?.level ? { attempt: last.attempt, levelId: last.level.id } : null}
        disabled={p.disabled}
        onChoose={(levelId) => actions.setScore(criterion.id, levelId)}
      />
      {p.previous.length > 0 && (
        <div className="history">
          {change && last?.level && (
            <p className={`change change-${change}`}>
              <Icon name={CHANGE_ICON[change]} size={14} />
              {change === 'same'
                ? t.review.history.same(last.attempt)
                : t.review.history[change](last.level.name, last.attempt)}
            </p>
          )}
          <ul className="history-list" aria-label={t.review.history.label}>
            {p.previous.map((r) => (
              <li key={r.attempt}>
                <span className="history-attempt">{t.review.history.attempt(r.attempt)}</span>{' '}
                <span className="history-level">{r.level?.name ?? t.review.history.unknownLevel}</span>
                {r.comment && <span className="history-comment"> — “{r.comment}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <CommentBox
        criterionId={criterion.id}
        criterionName={criterion.name}
        index={index}
        comment={p.comment}
        disabled={p.disabled}
        bankOpen={p.bankOpen}
      />
    </div>
  );
});
