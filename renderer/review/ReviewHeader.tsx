// The workspace header: achievement and rubric version, attempt, due date, status, earner (never when blind), moves.
import { memo, useState } from 'react';
import type { SubmissionStatus } from '../../shared/domain/queue.js';
import type { Workspace } from '../../shared/domain/workspace.js';
import { absoluteDate, relativeTo } from '../queue/dates.js';
import type { PracticeFrame } from '../quality/practice.js';
import { quality, t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { versionLabel } from './draft-model.js';
import type { Neighbors } from './useNeighbors.js';
import type { SaveStatus } from './useDraft.js';

export interface ReviewHeaderProps {
  workspace: Workspace;
  status: SubmissionStatus;
  /** Null when there is nothing to save (a recused submission). */
  save: SaveStatus | null;
  blind: boolean;
  neighbors: Neighbors;
  canRecuse: boolean;
  onBack: () => void;
  onGo: (submissionId: string) => void;
  onShortcuts: () => void;
  onRecuse: () => void;
  /** Opened from the Calibration screen: back goes there, and the steps are its samples. */
  practice: boolean;
  /** "Practice sample 2 of 5" (calibration samples only). */
  frame: PracticeFrame | null;
}

function SaveIndicator({ save }: { save: SaveStatus }) {
  const s = t.review.save;
  const [text, cls, icon] =
    save.kind === 'saving'
      ? [s.saving, 'is-saving', null]
      : save.kind === 'saved'
        ? [s.saved, 'is-saved', 'check' as const]
        : save.kind === 'retrying'
          ? [s.retrying, 'is-failed', 'alert' as const]
          : save.kind === 'refused'
            ? [s.refused, 'is-failed', 'alert' as const]
            : [s.idle, '', null];
  return (
    // Not a live region: "Saving…, Saved" at every pause in typing would drown out a screen reader.
    // A failure is announced once, as an alert, with what went wrong.
    <p
      className={`save-status ${cls}`}
      title={save.kind === 'retrying' || save.kind === 'refused' ? save.message : undefined}
    >
      {icon && <Icon name={icon} size={14} />}
      <span>{text}</span>
      {(save.kind === 'retrying' || save.kind === 'refused') && (
        <span className="sr-only" role="alert">
          {' '}
          {save.message}
        </span>
      )}
    </p>
  );
}

export const ReviewHeader = memo(function ReviewHeader({
  workspace,
  status,
  save,
  blind,
  neighbors,
  canRecuse,
  onBack,
  onGo,
  onShortcuts,
  onRecuse,
  practice,
  frame,
}: ReviewHeaderProps) {
  const back = practice
    ? { long: quality.practice.back, short: quality.practice.backShort }
    : { long: t.review.header.back, short: t.review.header.backShort };
  const steps = practice
    ? { label: quality.practice.stepsLabel, previous: quality.practice.previous, next: quality.practice.next }
    : { label: t.review.header.stepsLabel, previous: t.review.header.previous, next: t.review.header.next };
  const { submission, achievement } = workspace;
  const version = versionLabel(achievement);
  // Overdue as of opening the submission: the clock is read once, not on every render.
  const [openedAt] = useState(() => Date.now());
  const overdue =
    submission.dueAt !== null &&
    new Date(submission.dueAt).getTime() < openedAt &&
    (status === 'pending' || status === 'in-progress');
  const earner = blind ? undefined : submission.earner;

  return (
    <header className="review-head">
      <button
        type="button"
        className="button button-quiet review-back"
        aria-label={back.long}
        aria-keyshortcuts="U"
        title={`${back.long} (U)`}
        onClick={onBack}
      >
        <Icon name="arrowUp" size={15} className="rotate-left" />
        {back.short}
      </button>
      <div className="review-titles">
        <h1 className="review-title">
          <span className="review-eyebrow">
            {frame ? quality.practice.eyebrow(frame.number, frame.total) : t.review.header.eyebrow}
          </span>{' '}
          <span className="review-name">{achievement.name}</span>
          {version && <span className="review-version">{t.review.header.version(version)}</span>}
        </h1>
        <p className="review-meta">
          <span className={`badge badge-${status}`}>{t.queue.status[status]}</span>
          <span className={submission.attempt > 1 ? 'meta-item is-resubmission' : 'meta-item'}>
            {submission.attempt > 1 ? t.queue.attemptOption(submission.attempt) : t.queue.firstAttempt}
          </span>
          <span className={overdue ? 'meta-item is-overdue' : 'meta-item'}>
            {overdue && <Icon name="alert" size={14} />}
            {submission.dueAt
              ? t.review.header.due(absoluteDate(submission.dueAt), relativeTo(submission.dueAt))
              : t.queue.noDueDate}
          </span>
          <span className="meta-item muted">{t.review.header.submitted(absoluteDate(submission.submittedAt))}</span>
          {!earner && (
            <span className="meta-item meta-blind">
              <Icon name="eyeOff" size={14} />
              {t.review.header.blind}
            </span>
          )}
        </p>
        {earner && (
          <p className="review-earner">
            <span className="sr-only">{t.review.header.earner} </span>
            <strong>{earner.name}</strong>
            {earner.organization && <span> · {earner.organization}</span>}
            {earner.email && <span className="muted"> · {earner.email}</span>}
          </p>
        )}
        {/* Kept for the queue's end-to-end test, which predates this screen; not shown, not announced. */}
        <p hidden data-testid="review-selection">
          {t.review.selection(submission.id)}
        </p>
      </div>
      <div className="review-tools">
        {save && <SaveIndicator save={save} />}
        <nav className="review-steps" aria-label={steps.label}>
          <button
            type="button"
            className="icon-button step-button"
            aria-label={steps.previous}
            aria-keyshortcuts="["
            title={`${steps.previous} ([)`}
            disabled={!neighbors.previous}
            onClick={() => neighbors.previous && onGo(neighbors.previous)}
          >
            <Icon name="arrowUp" size={16} className="rotate-left" />
          </button>
          <span className="step-position muted">
            {neighbors.position !== null && neighbors.total !== null
              ? t.review.header.position(neighbors.position, neighbors.total)
              : ''}
          </span>
          <button
            type="button"
            className="icon-button step-button"
            aria-label={steps.next}
            aria-keyshortcuts="]"
            title={`${steps.next} (])`}
            disabled={!neighbors.next}
            onClick={() => neighbors.next && onGo(neighbors.next)}
          >
            <Icon name="arrowUp" size={16} className="rotate-right" />
          </button>
        </nav>
        <button
          type="button"
          className="icon-button"
          aria-label={t.review.keys.title}
          aria-keyshortcuts="?"
          title={`${t.review.keys.title} (?)`}
          onClick={onShortcuts}
        >
          <span aria-hidden="true" className="key-glyph">
            ?
          </span>
        </button>
        {canRecuse && (
          <button type="button" className="button button-quiet" onClick={onRecuse}>
            {t.review.recuse.open}
          </button>
        )}
      </div>
    </header>
  );
});
