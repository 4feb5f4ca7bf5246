// The rubric pane's footer: running points, the computed decision with its reasons, override and submit.
import { memo, useId } from 'react';
import { explainDecision, type ComputedDecision, type Override } from '../../shared/domain/decision.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export interface DecisionFooterProps {
  computed: ComputedDecision;
  maxPoints: number;
  passingPoints: number | undefined;
  override: Override | null;
  frozen: boolean;
  onOverride: () => void;
  onSubmit: () => void;
}

/** The override that actually applies (one that agrees with the rule is no override). */
export function effectiveOverride(computed: ComputedDecision, override: Override | null): Override | null {
  return computed.kind === 'decided' && override && override.decision !== computed.decision ? override : null;
}

/** A button's words, shortened when the rubric pane is narrow (the button's name stays the long one). */
function Label({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="label-long">{long}</span>
      <span className="label-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

export const DecisionFooter = memo(function DecisionFooter({
  computed,
  maxPoints,
  passingPoints,
  override,
  frozen,
  onOverride,
  onSubmit,
}: DecisionFooterProps) {
  const id = useId();
  const reasons = explainDecision(computed);
  const applied = effectiveOverride(computed, override);
  const fill = maxPoints > 0 ? Math.min(100, (computed.points / maxPoints) * 100) : 0;
  const mark = passingPoints !== undefined && maxPoints > 0 ? Math.min(100, (passingPoints / maxPoints) * 100) : null;
  // Without every criterion scored, or on a rubric with no pass rule, there is nothing to submit or override.
  const undecided = computed.kind !== 'decided';
  const tone = computed.kind === 'decided' ? (applied?.decision ?? computed.decision) : 'pending';
  const verdict =
    computed.kind === 'decided'
      ? t.review.decision.name[applied?.decision ?? computed.decision]
      : computed.kind === 'no-pass-rule'
        ? t.review.decision.noPassRule
        : t.review.decision.incomplete;

  // Compact: the meter along the footer's top edge, the verdict and points on one line beside the actions
  // (which wrap below them, never over them, in a narrow pane), the reasons under both.
  return (
    <footer className="decision" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        {t.review.decision.title}
      </h2>
      <div className="meter" aria-hidden="true">
        <span className={`meter-fill meter-${tone}`} style={{ width: `${fill}%` }} />
        {mark !== null && <span className="meter-mark" style={{ left: `${mark}%` }} />}
      </div>
      <div className="decision-summary">
        <span className={`verdict verdict-${tone}`} data-testid="verdict">
          {verdict}
        </span>
        <p className="points-text">
          <strong>{t.review.decision.points(computed.points, maxPoints)}</strong>
          {passingPoints !== undefined && <span className="muted"> · {t.review.decision.needed(passingPoints)}</span>}
        </p>
        {applied && computed.kind === 'decided' && (
          <p className="decision-override">
            {t.review.decision.overridden(
              t.review.decision.name[applied.decision],
              t.review.decision.name[computed.decision],
            )}
          </p>
        )}
      </div>
      {!frozen && (
        <div className="decision-actions">
          <button
            type="button"
            className="button"
            disabled={undecided}
            aria-describedby={undecided ? `${id}-reasons` : undefined}
            aria-label={applied ? t.review.override.change : t.review.override.open}
            onClick={onOverride}
          >
            <Label
              long={applied ? t.review.override.change : t.review.override.open}
              short={applied ? t.review.override.changeShort : t.review.override.openShort}
            />
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={undecided}
            aria-describedby={`${id}-reasons`}
            aria-keyshortcuts="Control+Enter"
            aria-label={t.review.submit.open}
            onClick={onSubmit}
          >
            <Icon name="check" size={15} />
            <Label long={t.review.submit.open} short={t.review.submit.openShort} />
          </button>
        </div>
      )}
      <ul id={`${id}-reasons`} className="reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
        {computed.kind === 'no-pass-rule' && !frozen && <li>{t.review.decision.noPassRuleNext}</li>}
      </ul>
    </footer>
  );
});
