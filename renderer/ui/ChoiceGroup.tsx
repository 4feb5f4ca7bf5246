// A set of radio buttons shown as tiles: one choice of a few, each with an optional line of detail.
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  detail?: string;
}

export interface ChoiceGroupProps<T extends string> {
  legend: string;
  hint?: string;
  value: T | null;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}

export function ChoiceGroup<T extends string>({
  legend,
  hint,
  value,
  choices,
  onChange,
  disabled = false,
}: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <fieldset className="kit-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="kit-label">{legend}</legend>
      <div className="kit-choices">
        {choices.map((c) => (
          <label key={c.value} className="kit-choice">
            <input
              type="radio"
              name={id}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              disabled={disabled}
            />
            <span className="kit-choice-text">
              <span className="kit-choice-label">{c.label}</span>
              {c.detail && <span className="kit-choice-detail">{c.detail}</span>}
            </span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="kit-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
