// The draft being scored, saved as the assessor types: debounced, serialised, flushed on leave, retried on failure.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Override } from '../../shared/domain/decision.js';
import type { CriterionComment, Review } from '../../shared/domain/review.js';
import { call, errorCode, errorMessage, type ApiErrorCode } from '../api.js';
import { t } from '../strings/en.js';
import { EMPTY_COMMENT, fromReview, toInput, type DraftState } from './draft-model.js';
import type { ActiveTime } from './useActiveTime.js';

/** Quiet time after the last change before it is saved; with a save's round trip, well under a second at risk. */
export const SAVE_DEBOUNCE_MS = 400;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15_000;
/** Refusals that another try cannot fix (the review was submitted, the input is wrong). */
const FINAL_CODES: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['conflict', 'bad-input', 'scoring', 'not-found']);

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'retrying'; message: string }
  | { kind: 'refused'; message: string };

export interface DraftApi {
  draft: DraftState;
  status: SaveStatus;
  setScore: (criterionId: string, levelId: string) => void;
  setComment: (criterionId: string, update: (c: CriterionComment) => CriterionComment) => void;
  setFeedback: (text: string) => void;
  setOverride: (override: Override | null) => void;
  /** Saves now whatever is unsaved (and, with `withTime`, time on task alone); true when everything is stored. */
  flush: (withTime?: boolean) => Promise<boolean>;
}

export function useDraft(
  submissionId: string,
  initial: Review | null,
  frozen: boolean,
  time: ActiveTime,
  onSaved: (review: Review) => void,
): DraftApi {
  const [draft, setDraft] = useState<DraftState>(() => fromReview(initial));
  const [status, setStatus] = useState<SaveStatus>(initial ? { kind: 'saved' } : { kind: 'idle' });
  const current = useRef(draft);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const stored = useRef(initial !== null);
  const refused = useRef(false);
  const frozenRef = useRef(frozen);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const retryDelay = useRef(RETRY_FIRST_MS);
  const onSavedRef = useRef(onSaved);
  // `flush` of the latest render, for the timers (set below, once `flush` exists; no timer runs before that).
  const flushRef = useRef<(withTime?: boolean) => Promise<boolean>>(() => Promise.resolve(true));

  const attempt = useCallback(
    async (withTime: boolean): Promise<boolean> => {
      if (frozenRef.current || refused.current) return !refused.current && version.current === savedVersion.current;
      const dirty = version.current !== savedVersion.current;
      // Time alone is worth a save only for a review that exists already (opening one is not starting it).
      if (!dirty && !(withTime && stored.current && time.pending() >= 1000)) return true;
      const sentVersion = version.current;
      const activeMs = time.take();
      setStatus({ kind: 'saving' });
      try {
        const review = await call('review:saveDraft', toInput(submissionId, current.current, activeMs));
        savedVersion.current = Math.max(savedVersion.current, sentVersion);
        stored.current = true;
        retryDelay.current = RETRY_FIRST_MS;
        onSavedRef.current(review);
        const clean = version.current === savedVersion.current;
        setStatus(clean ? { kind: 'saved' } : { kind: 'saving' });
        return clean;
      } catch (err) {
        time.giveBack(activeMs);
        const message = errorMessage(err, t.review.save.failed);
        if (FINAL_CODES.has(errorCode(err))) {
          refused.current = true;
          setStatus({ kind: 'refused', message });
        } else {
          setStatus({ kind: 'retrying', message });
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void flushRef.current(), retryDelay.current);
          retryDelay.current = Math.min(RETRY_MAX_MS, retryDelay.current * 2);
        }
        return false;
      }
    },
    [submissionId, time],
  );

  // Saves run one after another, each reading the latest draft when its turn comes, so none overtakes another.
  const flush = useCallback(
    (withTime = false): Promise<boolean> => {
      window.clearTimeout(timer.current);
      const run = chain.current.then(() => attempt(withTime));
      chain.current = run.catch(() => undefined);
      return run;
    },
    [attempt],
  );
  // The latest props and flush for saves and timers that outlive a render: set after each commit, before any event.
  useLayoutEffect(() => {
    frozenRef.current = frozen;
    onSavedRef.current = onSaved;
    flushRef.current = flush;
  });

  const change = useCallback((update: (d: DraftState) => DraftState) => {
    if (frozenRef.current) return;
    const next = update(current.current);
    if (next === current.current) return;
    current.current = next;
    version.current += 1;
    setDraft(next);
    if (!refused.current) setStatus((s) => (s.kind === 'retrying' ? s : s.kind === 'saving' ? s : { kind: 'saving' }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flushRef.current(), SAVE_DEBOUNCE_MS);
  }, []);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flushRef.current(true);
    };
    const leave = () => void flushRef.current(true);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('blur', leave);
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('blur', leave);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      window.clearTimeout(timer.current);
      // Leaving the submission: whatever is unsaved goes now.
      void flushRef.current(true);
    };
  }, []);

  const setScore = useCallback(
    (criterionId: string, levelId: string) =>
      change((d) =>
        d.scores[criterionId] === levelId ? d : { ...d, scores: { ...d.scores, [criterionId]: levelId } },
      ),
    [change],
  );
  const setComment = useCallback(
    (criterionId: string, update: (c: CriterionComment) => CriterionComment) =>
      change((d) => {
        const before = d.comments[criterionId] ?? EMPTY_COMMENT;
        const after = update(before);
        return after === before ? d : { ...d, comments: { ...d.comments, [criterionId]: after } };
      }),
    [change],
  );
  const setFeedback = useCallback(
    (text: string) => change((d) => (d.feedback === text ? d : { ...d, feedback: text })),
    [change],
  );
  const setOverride = useCallback((override: Override | null) => change((d) => ({ ...d, override })), [change]);

  return useMemo(
    () => ({ draft, status, setScore, setComment, setFeedback, setOverride, flush }),
    [draft, status, setScore, setComment, setFeedback, setOverride, flush],
  );
}
