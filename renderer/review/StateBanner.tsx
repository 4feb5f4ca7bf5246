// The banner over a review that can no longer change: submitted (with its decision) or recused (with the reason).
import type { ComputedDecision } from '../../shared/domain/decision.js';
import type { Review } from '../../shared/domain/review.js';
import type { Workspace } from '../../shared/domain/workspace.js';
import { absoluteDateTime } from '../queue/dates.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export interface StateBannerProps {
  review: Review | null;
  recusal: Workspace['recusal'];
  computed: ComputedDecision;
}

export function StateBanner({ review, recusal, computed }: StateBannerProps) {
  if (recusal) {
    return (
      <div className="state-banner state-recused" tabIndex={-1}>
        <Icon name="eyeOff" size={16} />
        <div>
          <p>
            <strong>{t.review.recuse.banner(absoluteDateTime(recusal.recusedAt))}</strong>
          </p>
          <p>{t.review.recuse.bannerReason(recusal.reason)}</p>
          <p className="muted small">{t.review.recuse.bannerNext}</p>
        </div>
      </div>
    );
  }
  if (review?.state !== 'submitted' || !review.submittedAt || !review.decision) return null;
  const name = t.review.decision.name;
  const overridden = review.computedDecision !== null && review.computedDecision !== review.decision;
  return (
    <div className={`state-banner state-${review.decision}`} tabIndex={-1}>
      <Icon name="check" size={16} />
      <div>
        <p>
          <strong>{t.review.frozen.banner(absoluteDateTime(review.submittedAt), name[review.decision])}</strong>
          {overridden && review.computedDecision && (
            <span> · {t.review.decision.overridden(name[review.decision], name[review.computedDecision])}</span>
          )}
        </p>
        <p className="muted small">
          {t.review.frozen.points(computed.points)} · {t.review.frozen.readOnly}
        </p>
      </div>
    </div>
  );
}
