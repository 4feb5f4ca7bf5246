// "Override decision…": the assessor records another decision than the rule's, never without a written justification.
import { useId, useRef, useState } from 'react';
import type { Decision } from '../../shared/schemas/review-package.js';
import type { Override } from '../../shared/domain/decision.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { useFocusOnOpen } from '../ui/useFocusOnOpen.js';

export interface OverrideDialogProps {
  computed: Decision;
  reasons: string[];
  current: Override | null;
  onSave: (override: Override | null) => void;
  onClose: () => void;
}

export function OverrideDialog({ computed, reasons, current, onSave, onClose }: OverrideDialogProps) {
  const id = useId();
  const other: Decision = computed === 'pass' ? 'not-yet' : 'pass';
  const [decision, setDecision] = useState<Decision>(
    current && current.decision !== computed ? current.decision : other,
  );
  const [text, setText] = useState(current?.justification ?? '');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  // After the dialog has focused its primary button: writing the justification comes first.
  useFocusOnOpen(() => box.current);

  const save = () => {
    if (decision === computed) {
      onSave(null);
      return;
    }
    if (text.trim() === '') {
      setError(t.review.override.required);
      box.current?.focus();
      return;
    }
    onSave({ decision, justification: text.trim() });
  };

  const name = t.review.decision.name;
  return (
    <Dialog
      title={t.review.override.title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.review.common.cancel}
          </button>
          {current && (
            <button type="button" className="button" onClick={() => onSave(null)}>
              {t.review.override.remove}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={save}>
            {t.review.override.confirm}
          </button>
        </>
      }
    >
      <p>
        {t.review.override.computedIs} <strong>{name[computed]}</strong>
      </p>
      <ul className="dialog-reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <fieldset className="choice-group">
        <legend>{t.review.override.decisionLegend}</legend>
        {(['pass', 'not-yet'] as const).map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {name[d]}
            {d === computed && <span className="muted"> {t.review.override.asComputed}</span>}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-why`} className="field-label">
        {t.review.override.justification}
      </label>
      <textarea
        ref={box}
        id={`${id}-why`}
        className="input textarea"
        rows={4}
        value={text}
        required
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {t.review.override.hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
