// A labelled form field: wires the label, hint and error to the control for assistive technology.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Shown after the label in a quieter voice, e.g. "optional". */
  aside?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, error, aside, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `kit-field ${className}` : 'kit-field'}>
      <label htmlFor={id} className="kit-label">
        {label}
        {aside && <span className="kit-label-aside"> {aside}</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p id={errorId} className="kit-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="kit-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
