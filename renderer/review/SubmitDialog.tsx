// The confirmation before a review is submitted: the decision, points, override and levels, and that it is final.
import type { ComputedDecision, Override } from '../../shared/domain/decision.js';
import { explainDecision } from '../../shared/domain/decision.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { Icon } from '../ui/Icon.js';
import { levelById, type Achievement } from './draft-model.js';

export interface SubmitDialogProps {
  achievement: Achievement;
  scores: Record<string, string>;
  computed: Extract<ComputedDecision, { kind: 'decided' }>;
  override: Override | null;
  maxPoints: number;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

export function SubmitDialog({
  achievement,
  scores,
  computed,
  override,
  maxPoints,
  busy,
  error,
  onConfirm,
  onClose,
}: SubmitDialogProps) {
  const name = t.review.decision.name;
  const final = override?.decision ?? computed.decision;
  return (
    <Dialog
      title={t.review.submit.title}
      onClose={busy ? () => {} : onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t.review.submit.cancel}
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm} aria-disabled={busy || undefined}>
            {busy ? t.review.submit.busy : t.review.submit.confirm}
          </button>
        </>
      }
    >
      <div className="submit-summary">
        <p className="submit-decision">
          <span className={`verdict verdict-${final} verdict-large`}>{name[final]}</span>
          <span>
            {t.review.decision.points(computed.points, maxPoints)}
            {computed.passingPoints !== undefined && (
              <span className="muted"> · {t.review.decision.needed(computed.passingPoints)}</span>
            )}
          </span>
        </p>
        {override ? (
          <div className="submit-override">
            <p>
              <strong>{t.review.decision.overridden(name[override.decision], name[computed.decision])}</strong>
            </p>
            <blockquote className="quote">{override.justification}</blockquote>
          </div>
        ) : (
          <ul className="dialog-reasons">
            {explainDecision(computed).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <table className="submit-levels">
          <caption className="sr-only">{t.review.submit.levelsCaption}</caption>
          <tbody>
            {achievement.resultDescription.map((c) => {
              const level = levelById(c, scores[c.id]);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{level ? `${level.name} · ${t.review.rubric.points(level.points)}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="final-warning">
        <Icon name="alert" size={15} />
        {t.review.submit.final}
      </p>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
