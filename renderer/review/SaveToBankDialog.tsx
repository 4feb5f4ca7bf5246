// "Save as reusable comment": the current text into the comment bank, for this criterion or the whole achievement.
import { useId, useState } from 'react';
import type { BankEntry } from '../../shared/domain/review.js';
import { errorMessage } from '../api.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { useBank } from './review-context.js';

export interface SaveToBankDialogProps {
  criterionId: string;
  criterionName: string;
  achievementName: string;
  text: string;
  onSaved: (entry: BankEntry) => void;
  onClose: () => void;
}

export function SaveToBankDialog({
  criterionId,
  criterionName,
  achievementName,
  text: initial,
  onSaved,
  onClose,
}: SaveToBankDialogProps) {
  const bank = useBank();
  const id = useId();
  const [text, setText] = useState(initial);
  const [scope, setScope] = useState<'criterion' | 'achievement'>('criterion');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (busy) return;
    if (text.trim() === '') {
      setError(t.review.bank.emptyText);
      return;
    }
    setBusy(true);
    try {
      onSaved(await bank.add(scope === 'criterion' ? criterionId : null, text.trim()));
    } catch (err) {
      setError(errorMessage(err, t.review.bank.saveFailed));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t.review.bank.saveTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.review.common.cancel}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void save()}
            aria-disabled={busy || undefined}
          >
            {t.review.bank.save}
          </button>
        </>
      }
    >
      <label htmlFor={`${id}-text`} className="field-label">
        {t.review.bank.textLabel}
      </label>
      <textarea
        id={`${id}-text`}
        className="input textarea"
        rows={4}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <fieldset className="choice-group">
        <legend>{t.review.bank.scopeLegend}</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'criterion'}
            onChange={() => setScope('criterion')}
          />
          {t.review.bank.forCriterion(criterionName)}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'achievement'}
            onChange={() => setScope('achievement')}
          />
          {t.review.bank.forAchievement(achievementName)}
        </label>
      </fieldset>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
