// One criterion's levels as columns (a radio group): name, points, descriptor; required and last attempt marked.
import { memo, useId, type CSSProperties, type KeyboardEvent } from 'react';
import type { Criterion } from '../../shared/schemas/review-package.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export interface LevelGridProps {
  criterion: Criterion;
  labelledBy: string;
  chosenId: string | undefined;
  /** The level the last attempt was given, marked on its column. */
  previous: { attempt: number; levelId: string } | null;
  disabled: boolean;
  onChoose: (levelId: string) => void;
}

export const LevelGrid = memo(function LevelGrid({
  criterion,
  labelledBy,
  chosenId,
  previous,
  disabled,
  onChoose,
}: LevelGridProps) {
  const id = useId();
  const levels = criterion.rubricCriterionLevel;
  const chosenIndex = levels.findIndex((l) => l.id === chosenId);
  // Roving tab stop: the chosen level, else the first.
  const tabStop = chosenIndex >= 0 ? chosenIndex : 0;

  // Arrow keys, Home and End move the choice between the radios (one tab stop: the chosen level).
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (disabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const from = levels.findIndex((l) => `${id}-${l.id}` === (e.target as HTMLElement).id);
    const to =
      e.key === 'ArrowRight'
        ? from + 1
        : e.key === 'ArrowLeft'
          ? from - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? levels.length - 1
              : null;
    if (to === null || from < 0) return;
    e.preventDefault();
    const level = levels[Math.max(0, Math.min(levels.length - 1, to))];
    if (!level) return;
    onChoose(level.id);
    document.getElementById(`${id}-${level.id}`)?.focus();
  };

  return (
    <div
      className="levels"
      role="radiogroup"
      aria-labelledby={labelledBy}
      style={{ '--levels': levels.length } as CSSProperties}
    >
      {levels.map((level, i) => {
        const checked = level.id === chosenId;
        const required = level.id === criterion.requiredLevel;
        const wasPrevious = previous?.levelId === level.id;
        const base = `${id}-${i}`;
        const classes = [
          'level',
          checked ? 'is-chosen' : '',
          required ? 'is-required' : '',
          wasPrevious ? 'was-previous' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <button
            key={level.id}
            id={`${id}-${level.id}`}
            type="button"
            role="radio"
            className={classes}
            aria-checked={checked}
            aria-label={t.review.rubric.levelLabel(level.name, level.points, required)}
            aria-describedby={
              [level.description ? `${base}-desc` : '', wasPrevious ? `${base}-prev` : ''].filter(Boolean).join(' ') ||
              undefined
            }
            tabIndex={i === tabStop ? 0 : -1}
            disabled={disabled}
            data-level={i + 1}
            onClick={() => onChoose(level.id)}
            onKeyDown={onKeyDown}
          >
            <span className="level-top">
              {i < 9 && (
                <kbd className="level-key" aria-hidden="true">
                  {i + 1}
                </kbd>
              )}
              <span className="level-points">{t.review.rubric.points(level.points)}</span>
              {checked && <Icon name="check" size={15} className="level-check" />}
            </span>
            <span className="level-name">{level.name}</span>
            {required && <span className="level-required">{t.review.rubric.required}</span>}
            {level.description && (
              <span id={`${base}-desc`} className="level-desc">
                {level.description}
              </span>
            )}
            {previous && wasPrevious && (
              <span id={`${base}-prev`} className="level-previous">
                {t.review.history.markedAttempt(previous.attempt)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
});
