// The comparison under the "submitted" banner of the workspace: asked for once the review is submitted (null for
// live work, so nothing shows), focused when it appears right after submitting.
import { useEffect, useRef, type RefObject } from 'react';
import type { Comparison } from '../../shared/domain/quality.js';
import { call, errorMessage } from '../api.js';
import { quality } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { useLoad } from '../ui/useLoad.js';
import { ComparisonView } from './ComparisonView.js';
import type { PracticeContext } from './practice.js';
import './quality.css';

export interface ComparisonState {
  comparison: Comparison | null;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Moves focus to the comparison when it next appears (after a submit). */
  focusWhenShown: () => void;
  focusRef: RefObject<HTMLElement | null>;
}

export function useComparison(submissionId: string, submitted: boolean): ComparisonState {
  const loaded = useLoad(
    async () => (submitted ? call('quality:comparison', { submissionId }) : null),
    [submissionId, submitted],
  );
  const focusRef = useRef<HTMLElement | null>(null);
  const wantsFocusRef = useRef(false);
  const comparison = submitted ? loaded.data : null;
  // After the commit that renders it (the view's ref is set by then).
  useEffect(() => {
    if (!comparison || !wantsFocusRef.current) return;
    wantsFocusRef.current = false;
    focusRef.current?.focus();
  }, [comparison]);
  return {
    comparison,
    loading: submitted && loaded.loading,
    error: submitted ? loaded.error : null,
    retry: loaded.reload,
    focusWhenShown: () => {
      wantsFocusRef.current = true;
    },
    focusRef,
  };
}

export interface ComparisonSlotProps {
  state: ComparisonState;
  /** Set for a calibration sample opened from the Calibration screen. */
  practice: PracticeContext | null;
  onGo: (submissionId: string) => void;
  onCalibration: () => void;
}

export function ComparisonSlot({ state, practice, onGo, onCalibration }: ComparisonSlotProps) {
  const s = quality.comparison;
  const { comparison, focusRef } = state;

  if (state.error) {
    return (
      <div className="inline-error" role="alert">
        <Icon name="alert" size={16} />
        <span>{errorMessage(state.error, s.failed)}</span>
        <button type="button" className="button" onClick={state.retry}>
          {s.retry}
        </button>
      </div>
    );
  }
  if (!comparison) return null;
  const calibration = comparison.kind === 'calibration';
  return (
    <ComparisonView
      comparison={comparison}
      focusRef={focusRef}
      actions={
        calibration ? (
          <>
            {practice?.nextToDo && (
              <button type="button" className="button button-primary" onClick={() => onGo(practice.nextToDo!)}>
                {s.nextSample}
              </button>
            )}
            <button
              type="button"
              className={practice?.nextToDo ? 'button' : 'button button-primary'}
              onClick={onCalibration}
            >
              {s.toCalibration}
            </button>
          </>
        ) : undefined
      }
    />
  );
}
