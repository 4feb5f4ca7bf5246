// The rubric side: earlier attempts' feedback, one card per criterion, feedback to the earner, and the decision footer.
import { memo, useId, type ReactNode, type Ref } from 'react';
import type { PreviousReview } from '../../shared/schemas/review-package.js';
import { absoluteDate } from '../queue/dates.js';
import { t } from '../strings/en.js';
import { CriterionCard } from './CriterionCard.js';
import { EMPTY_COMMENT, type Achievement, type DraftState, type PreviousResult } from './draft-model.js';

const NO_HISTORY: PreviousResult[] = [];

export interface RubricPaneProps {
  achievement: Achievement;
  draft: DraftState;
  current: number;
  previousReviews: PreviousReview[];
  previousByCriterion: Map<string, PreviousResult[]>;
  sectionNames: Map<string, string>;
  frozen: boolean;
  bankOpenFor: string | null;
  banner: ReactNode;
  footer: ReactNode;
  feedbackRef: Ref<HTMLTextAreaElement>;
  onFeedback: (text: string) => void;
  onFeedbackBlur: () => void;
  onFeedbackEscape: () => void;
}

export const RubricPane = memo(function RubricPane(p: RubricPaneProps) {
  const id = useId();
  const criteria = p.achievement.resultDescription;
  return (
    <div className="rubric">
      <div className="rubric-scroll" data-rubric-scroll="">
        {p.banner}
        {p.previousReviews.length > 0 && (
          <div className="previous-feedback">
            {p.previousReviews.map((r) => (
              <details
                key={r.attempt}
                className="previous-item"
                open={r === p.previousReviews[p.previousReviews.length - 1] && !p.frozen}
              >
                <summary>
                  {t.review.history.feedbackSummary(
                    r.attempt,
                    t.review.decision.name[r.decision],
                    absoluteDate(r.reviewedAt),
                  )}
                </summary>
                <p className="previous-text">{r.feedback}</p>
              </details>
            ))}
          </div>
        )}
        <h2 className="sr-only">{t.review.rubric.title}</h2>
        {criteria.map((c, i) => (
          <CriterionCard
            key={c.id}
            criterion={c}
            index={i}
            count={criteria.length}
            current={i === p.current}
            chosenId={p.draft.scores[c.id]}
            comment={p.draft.comments[c.id] ?? EMPTY_COMMENT}
            previous={p.previousByCriterion.get(c.id) ?? NO_HISTORY}
            sectionName={c.sectionId ? p.sectionNames.get(c.sectionId) : undefined}
            disabled={p.frozen}
            bankOpen={p.bankOpenFor === c.id}
          />
        ))}
        <section className="feedback" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="feedback-title">
            <label htmlFor={`${id}-text`}>{t.review.feedback.label}</label>
          </h2>
          <p id={`${id}-hint`} className="muted small">
            {t.review.feedback.hint}
          </p>
          <textarea
            ref={p.feedbackRef}
            id={`${id}-text`}
            className="input textarea feedback-text"
            rows={5}
            value={p.draft.feedback}
            disabled={p.frozen}
            aria-describedby={`${id}-hint`}
            placeholder={p.frozen ? undefined : t.review.feedback.placeholder}
            onChange={(e) => p.onFeedback(e.target.value)}
            onBlur={p.onFeedbackBlur}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !e.defaultPrevented) {
                e.preventDefault();
                p.onFeedbackEscape();
              }
            }}
          />
        </section>
      </div>
      {p.footer}
    </div>
  );
});
