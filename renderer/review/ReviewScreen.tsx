// The Review screen: opens the selected submission (blind when blind review is on) and titles the window after it.
import { useEffect, useState } from 'react';
import type { Workspace } from '../../shared/domain/workspace.js';
import { call, errorCode, errorMessage } from '../api.js';
import { useBlindReview } from '../app/useBlindReview.js';
import type { PracticeContext } from '../quality/practice.js';
import { quality, t } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';
import { useLoad } from '../ui/useLoad.js';
import { ReviewWorkspace } from './ReviewWorkspace.js';
import { useNeighbors } from './useNeighbors.js';
import './review.css';
import './rubric.css';
import './comment.css';
import './dialogs.css';

export interface ReviewScreenProps {
  submissionId: string | null;
  active: boolean;
  onBack: () => void;
  onOpen: (submissionId: string) => void;
  onChanged: () => void;
  /** Opened from the Calibration screen: moves between its samples, and "back" goes there. */
  practice: PracticeContext | null;
  /** The Calibration screen (offered when live work is closed until calibration is met). */
  onCalibration: () => void;
}

type Load =
  { kind: 'loading' } | { kind: 'failed'; message: string; closed: boolean } | { kind: 'ready'; workspace: Workspace };

export function ReviewScreen({
  submissionId,
  active,
  onBack,
  onOpen,
  onChanged,
  practice,
  onCalibration,
}: ReviewScreenProps) {
  if (!submissionId) {
    return (
      <section className="screen screen-centered" aria-label={t.review.empty.title}>
        <EmptyState
          icon="review"
          title={t.review.empty.title}
          level={1}
          actions={
            <button type="button" className="button" onClick={onBack}>
              {t.review.empty.toQueue}
            </button>
          }
        >
          <p>{t.review.empty.body}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <OpenSubmission
      submissionId={submissionId}
      active={active}
      onBack={onBack}
      onOpen={onOpen}
      onChanged={onChanged}
      practice={practice}
      onCalibration={onCalibration}
    />
  );
}

function OpenSubmission({
  submissionId,
  active,
  onBack,
  onOpen,
  onChanged,
  practice,
  onCalibration,
}: ReviewScreenProps & { submissionId: string }) {
  const [blind] = useBlindReview();
  const [attempt, setAttempt] = useState(0);
  const inQueue = useNeighbors(submissionId, blind, attempt, practice !== null);
  const neighbors = practice?.neighbors ?? inQueue;
  const opened = useLoad(() => call('review:open', { submissionId, blind }), [submissionId, blind, attempt]);
  // Another submission's workspace is never shown while this one loads: loading wins over the data kept.
  const load: Load = opened.loading
    ? { kind: 'loading' }
    : opened.error || !opened.data
      ? {
          kind: 'failed',
          message: errorMessage(opened.error, t.review.empty.loadFailed),
          closed: errorCode(opened.error) === 'calibration-required',
        }
      : { kind: 'ready', workspace: opened.data };

  // The window title names the achievement only: never the earner, blind or not.
  const titled = load.kind === 'ready' ? load.workspace.achievement.name : null;
  useEffect(() => {
    if (!active || !titled) return;
    const before = document.title;
    document.title = t.review.documentTitle(titled);
    return () => {
      document.title = before;
    };
  }, [active, titled]);

  if (load.kind === 'loading') {
    return (
      <section className="screen screen-centered" aria-busy="true" aria-label={t.review.empty.title}>
        <p className="muted review-loading" role="status">
          {t.review.empty.loading}
        </p>
      </section>
    );
  }
  if (load.kind === 'failed') {
    return (
      <section className="screen screen-centered" aria-label={t.review.empty.title}>
        <EmptyState
          icon="alert"
          title={t.review.empty.failedTitle}
          level={1}
          actions={
            <>
              <button type="button" className="button" onClick={onBack}>
                {practice ? quality.practice.back : t.review.empty.toQueue}
              </button>
              {load.closed ? (
                <button type="button" className="button button-primary" onClick={onCalibration}>
                  {quality.closed.toCalibration}
                </button>
              ) : (
                <button type="button" className="button button-primary" onClick={() => setAttempt((n) => n + 1)}>
                  {t.review.empty.retry}
                </button>
              )}
            </>
          }
        >
          <p>{load.message}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ReviewWorkspace
      key={`${load.workspace.submission.id}:${attempt}`}
      workspace={load.workspace}
      blind={blind}
      active={active}
      neighbors={neighbors}
      onBack={onBack}
      onGo={onOpen}
      onChanged={onChanged}
      onReload={() => setAttempt((n) => n + 1)}
      practice={practice}
    />
  );
}
