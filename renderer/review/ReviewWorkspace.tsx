// The review workspace: evidence beside the rubric, the draft saved as it changes, and every action by keyboard.
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { computeDecision, explainDecision, type ComputedDecision } from '../../shared/domain/decision.js';
import type { SubmissionStatus } from '../../shared/domain/queue.js';
import type { Anchor, Review } from '../../shared/domain/review.js';
import type { Workspace } from '../../shared/domain/workspace.js';
import { EvidencePane, type EvidencePaneHandle } from '../evidence/EvidencePane.js';
import { quality, t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { usePersistentFlag } from '../ui/usePersistentFlag.js';
import { DecisionFooter } from './DecisionFooter.js';
import { maxPoints as maxPointsOf, previousByCriterion, sameAnchor } from './draft-model.js';
import { ActionsContext, BankContext, type ReviewActions } from './review-context.js';
import { ReviewHeader } from './ReviewHeader.js';
import { RubricPane } from './RubricPane.js';
import { SplitPane, type SplitPaneHandle } from './SplitPane.js';
import { StateBanner } from './StateBanner.js';
import { useActiveTime } from './useActiveTime.js';
import { useCommentBank } from './useCommentBank.js';
import { useDraft } from './useDraft.js';
import type { Neighbors } from './useNeighbors.js';
import { useReviewKeys } from './useReviewKeys.js';
import { WorkspaceDialogs, type DialogState } from './WorkspaceDialogs.js';
import { RedactionContext } from '../evidence/redaction-context.js';
import { ComparisonSlot, useComparison } from '../quality/ComparisonSlot.js';
import { practiceFrame, type PracticeContext } from '../quality/practice.js';

export interface ReviewWorkspaceProps {
  workspace: Workspace;
  blind: boolean;
  /** The Review screen is showing (it stays mounted while the assessor glances at the queue). */
  active: boolean;
  neighbors: Neighbors;
  onBack: () => void;
  onGo: (submissionId: string) => void;
  /** The submission's status changed (first save, submit, recusal): the queue should refresh. */
  onChanged: () => void;
  onReload: () => void;
  /** Opened from the Calibration screen: its samples, and the next one still to score. */
  practice: PracticeContext | null;
}

export function ReviewWorkspace({
  workspace: ws,
  blind,
  active,
  neighbors,
  onBack,
  onGo,
  onChanged,
  onReload,
  practice,
}: ReviewWorkspaceProps) {
  const { achievement, submission } = ws;
  const criteria = achievement.resultDescription;
  const [review, setReview] = useState<Review | null>(ws.review);
  const [status, setStatus] = useState<SubmissionStatus>(submission.status);
  const [current, setCurrent] = useState(() =>
    Math.max(
      0,
      criteria.findIndex((c) => !ws.review?.scores[c.id]),
    ),
  );
  const [bankOpenFor, setBankOpenFor] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const [singleKeys, setSingleKeys] = usePersistentFlag('assay.review.singleKeys', true);
  const frozen = review?.state === 'submitted' || ws.recusal !== null;
  const frame = practiceFrame(ws);
  // After submitting (or on opening a submitted review): the reference beside it, when there is one.
  const comparison = useComparison(submission.id, review?.state === 'submitted');

  const time = useActiveTime(active && !frozen);
  const onSaved = useCallback(
    (r: Review) => {
      setReview(r);
      // The first save starts the review: the queue shows it in progress when next seen.
      setStatus((s) => (s === 'pending' ? 'in-progress' : s));
      onChanged();
    },
    [onChanged],
  );
  const draft = useDraft(submission.id, ws.review, frozen, time, onSaved);
  const bank = useCommentBank(achievement.id);
  const evidence = useRef<EvidencePaneHandle>(null);
  const evidenceBox = useRef<HTMLDivElement>(null);
  const rubricBox = useRef<HTMLElement>(null);
  const headerBox = useRef<HTMLDivElement>(null);
  const split = useRef<SplitPaneHandle>(null);
  const feedback = useRef<HTMLTextAreaElement>(null);
  const comments = useRef(new Map<string, HTMLTextAreaElement>());
  // The latest draft API for callbacks that outlive a render (leaving waits on its last save).
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  });

  const computed = useMemo<ComputedDecision>(() => {
    try {
      return computeDecision(achievement, draft.draft.scores);
    } catch {
      return { kind: 'incomplete', unscored: criteria.map((c) => ({ id: c.id, name: c.name })), points: 0 };
    }
  }, [achievement, criteria, draft.draft.scores]);
  const maxPoints = useMemo(() => maxPointsOf(achievement), [achievement]);
  const history = useMemo(
    () => previousByCriterion(ws.previousReviews, achievement),
    [ws.previousReviews, achievement],
  );
  const sectionNames = useMemo(() => new Map(achievement.sections.map((s) => [s.id, s.name])), [achievement]);
  const artifactNames = useMemo(
    () => new Map(submission.sections.flatMap((s) => s.artifacts.map((a) => [a.id, a.name] as const))),
    [submission.sections],
  );

  const announce = useCallback(
    (text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text)),
    [],
  );

  const focusCriterion = useCallback(
    (index: number) => {
      if (index >= criteria.length) return feedback.current?.focus();
      const i = Math.max(0, index);
      const card = rubricBox.current?.querySelector<HTMLElement>(`[data-criterion-index="${i}"]`);
      const scroller = rubricBox.current?.querySelector<HTMLElement>('[data-rubric-scroll]');
      setCurrent(i);
      if (!card) return;
      card.focus({ preventScroll: true });
      if (scroller) {
        // The first criterion keeps what sits above it (banner, earlier feedback) in view; the others
        // come fully into view when they fit, and never with their top (the levels) cut off.
        const box = scroller.getBoundingClientRect();
        const r = card.getBoundingClientRect();
        if (i === 0 && r.top - box.top < box.height / 2) scroller.scrollTop = 0;
        else if (r.top < box.top) scroller.scrollTop += r.top - box.top - 12;
        else if (r.bottom > box.bottom)
          scroller.scrollTop += Math.min(r.bottom - box.bottom + 12, r.top - box.top - 12);
      }
    },
    [criteria.length],
  );

  const anchorHere = useCallback((criterionId: string) => {
    const anchor = evidence.current?.currentAnchor() ?? null;
    if (!anchor) return false;
    draftRef.current.setComment(criterionId, (c) =>
      c.anchors.some((a) => sameAnchor(a, anchor)) ? c : { ...c, anchors: [...c.anchors, anchor] },
    );
    return true;
  }, []);

  const actions = useMemo<ReviewActions>(
    () => ({
      setScore: (criterionId, levelId) => draftRef.current.setScore(criterionId, levelId),
      setComment: (criterionId, update) => draftRef.current.setComment(criterionId, update),
      setCurrent,
      focusCriterion,
      anchorHere,
      jumpTo: (anchor: Anchor) => {
        evidenceBox.current?.setAttribute('data-last-jump', JSON.stringify(anchor));
        evidence.current?.jumpTo(anchor);
      },
      artifactName: (id) => artifactNames.get(id),
      openBank: setBankOpenFor,
      saveToBank: (criterionId, text) => setDialog({ kind: 'save-bank', criterionId, text }),
      manageBank: (criterionId) => {
        setBankOpenFor(null);
        setDialog({ kind: 'manage-bank', criterionId });
      },
      registerComment: (criterionId, el) => {
        if (el) comments.current.set(criterionId, el);
        else comments.current.delete(criterionId);
      },
      flush: () => void draftRef.current.flush(),
    }),
    [focusCriterion, anchorHere, artifactNames],
  );

  // Leaving the submission waits for its last save; if that fails the assessor decides.
  const leave = useCallback(async (go: () => void) => {
    if (await draftRef.current.flush(true)) {
      go();
      return;
    }
    const s = draftRef.current.status;
    const message = s.kind === 'retrying' || s.kind === 'refused' ? s.message : t.review.save.failed;
    setDialog({
      kind: 'unsaved',
      message,
      proceed: () => {
        setDialog(null);
        go();
      },
    });
  }, []);

  useEffect(() => {
    if (!active) void draftRef.current.flush(true);
  }, [active]);

  // What a level choice does not change keeps its identity, so React skips it: a key press renders the changed
  // criterion and the figures, not the header or the evidence (their props and callbacks below stay the same).
  const goBack = useCallback(() => void leave(onBack), [leave, onBack]);
  const goTo = useCallback((id: string) => void leave(() => onGo(id)), [leave, onGo]);
  const openShortcuts = useCallback(() => setDialog({ kind: 'shortcuts' }), []);
  const openRecuse = useCallback(() => setDialog({ kind: 'recuse' }), []);

  // Once submitted, focus goes to the banner that says so (after the commit that renders it).
  const bannerFocus = useRef(false);
  useEffect(() => {
    if (!bannerFocus.current || review?.state !== 'submitted') return;
    bannerFocus.current = false;
    rubricBox.current?.querySelector<HTMLElement>('.state-banner')?.focus();
  }, [review]);

  // On opening: the first criterion still to score takes focus, unless the assessor already moved it.
  const focusOnOpen = useEffectEvent(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el.id === 'main') focusCriterion(current);
  });
  // Only when the screen is (re)shown, not on every move between criteria.
  useEffect(() => {
    if (!active) return;
    const frame = requestAnimationFrame(focusOnOpen);
    return () => cancelAnimationFrame(frame);
  }, [active]);

  const focusEvidence = () => {
    // Folded away, the evidence unfolds to take focus.
    split.current?.unfoldLeft();
    evidence.current?.focus();
    if (!evidenceBox.current?.contains(document.activeElement)) evidenceBox.current?.focus();
  };
  const regions = [
    () => focusEvidence(),
    () => focusCriterion(current),
    () => headerBox.current?.querySelector<HTMLElement>('button')?.focus(),
  ];
  const regionOf = (el: Element | null) =>
    evidenceBox.current?.contains(el)
      ? 0
      : rubricBox.current?.contains(el)
        ? 1
        : headerBox.current?.contains(el)
          ? 2
          : -1;

  const openSubmit = () => {
    if (frozen) {
      announce(t.review.frozen.already);
      return;
    }
    if (computed.kind !== 'decided') {
      announce(explainDecision(computed).join('. '));
      return;
    }
    setDialog({ kind: 'submit' });
  };

  useReviewKeys(active && dialog === null, singleKeys, evidenceBox, {
    nextCriterion: () => focusCriterion(document.activeElement === feedback.current ? criteria.length : current + 1),
    previousCriterion: () =>
      focusCriterion(document.activeElement === feedback.current ? criteria.length - 1 : current - 1),
    chooseLevel: (n) => {
      const criterion = criteria[current];
      const level = criterion?.rubricCriterionLevel[n - 1];
      if (!criterion || !level || frozen) return;
      draft.setScore(criterion.id, level.id);
      announce(t.review.rubric.announceChoice(criterion.name, level.name, level.points));
    },
    focusComment: () => comments.current.get(criteria[current]?.id ?? '')?.focus(),
    focusFeedback: () => feedback.current?.focus(),
    openBank: () => !frozen && setBankOpenFor(criteria[current]?.id ?? null),
    anchor: () => {
      const c = criteria[current];
      if (c && !frozen) announce(anchorHere(c.id) ? t.review.anchors.added(c.name) : t.review.anchors.nothingOpen);
    },
    nextSubmission: () => neighbors.next && goTo(neighbors.next),
    previousSubmission: () => neighbors.previous && goTo(neighbors.previous),
    backToQueue: goBack,
    focusEvidence,
    focusRubric: () => focusCriterion(current),
    cycleRegion: (back) => regions[(regionOf(document.activeElement) + (back ? 2 : 1) + 3) % 3]?.(),
    submit: openSubmit,
    saveNow: () => void draft.flush(true).then((ok) => announce(ok ? t.review.save.saved : t.review.save.failed)),
    showShortcuts: () => setDialog({ kind: 'shortcuts' }),
  });

  // A recused submission has no decision to show; a submitted one keeps its figures under the banner.
  const footer = ws.recusal ? null : (
    <DecisionFooter
      computed={computed}
      maxPoints={maxPoints}
      passingPoints={achievement.passingPoints}
      override={draft.draft.override}
      frozen={frozen}
      onOverride={() => setDialog({ kind: 'override' })}
      onSubmit={openSubmit}
    />
  );

  // Blind review: what the evidence viewers cover (salted hashes of the identity), and for which submission.
  const redaction = useMemo(
    () => (ws.redaction ? { terms: ws.redaction, submissionId: ws.submission.id } : null),
    [ws.redaction, ws.submission.id],
  );

  const evidenceSlot = useMemo(
    () => (
      <div ref={evidenceBox} className="evidence-slot" tabIndex={-1}>
        <RedactionContext value={redaction}>
          <EvidencePane ref={evidence} sections={submission.sections} blind={blind} />
        </RedactionContext>
      </div>
    ),
    [redaction, submission.sections, blind],
  );

  return (
    <section className="review" aria-label={t.review.screenLabel}>
      <div ref={headerBox}>
        <ReviewHeader
          workspace={ws}
          status={status}
          save={ws.recusal ? null : draft.status}
          blind={blind}
          neighbors={neighbors}
          canRecuse={!frozen && !frame}
          onBack={goBack}
          onGo={goTo}
          onShortcuts={openShortcuts}
          onRecuse={openRecuse}
          practice={practice !== null}
          frame={frame}
        />
      </div>
      <ActionsContext.Provider value={actions}>
        <BankContext.Provider value={bank}>
          <SplitPane
            ref={split}
            left={evidenceSlot}
            right={
              <section ref={rubricBox} className="rubric-slot" aria-label={t.review.layout.rubric}>
                <RubricPane
                  achievement={achievement}
                  draft={draft.draft}
                  current={current}
                  previousReviews={ws.previousReviews}
                  previousByCriterion={history}
                  sectionNames={sectionNames}
                  frozen={frozen}
                  bankOpenFor={bankOpenFor}
                  banner={
                    <>
                      {frame && review?.state !== 'submitted' && (
                        <p className="notice qa-practice-notice">
                          <Icon name="info" size={15} />
                          {quality.practice.notice}
                        </p>
                      )}
                      <StateBanner review={review} recusal={ws.recusal} computed={computed} />
                      <ComparisonSlot
                        state={comparison}
                        practice={frame ? practice : null}
                        onGo={goTo}
                        onCalibration={goBack}
                      />
                    </>
                  }
                  footer={footer}
                  feedbackRef={feedback}
                  onFeedback={draft.setFeedback}
                  onFeedbackBlur={actions.flush}
                  onFeedbackEscape={() => focusCriterion(criteria.length - 1)}
                />
              </section>
            }
          />
          <WorkspaceDialogs
            dialog={dialog}
            submissionId={submission.id}
            achievement={achievement}
            draft={draft}
            computed={computed}
            maxPoints={maxPoints}
            singleKeys={singleKeys}
            onSingleKeys={setSingleKeys}
            onSubmitted={(submitted) => {
              setReview(submitted);
              setStatus(submitted.decision === 'pass' ? 'passed' : 'not-yet');
              setDialog(null);
              onChanged();
              announce(t.review.frozen.announce(t.review.decision.name[submitted.decision ?? 'not-yet']));
              bannerFocus.current = true;
              comparison.focusWhenShown();
            }}
            onRecused={() => {
              setDialog(null);
              onChanged();
              onReload();
            }}
            announce={announce}
            onClose={() => setDialog(null)}
          />
        </BankContext.Provider>
      </ActionsContext.Provider>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
