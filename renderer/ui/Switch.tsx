// An on/off switch (role="switch"): the track and thumb are drawing only; the label is the button's own text.
import type { ReactNode } from 'react';

export interface SwitchProps {
  checked: boolean;
  onToggle: () => void;
  /** The id of the text that explains what the switch does. */
  describedBy: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

export function Switch({ checked, onToggle, describedBy, disabled, className, children }: SwitchProps) {
  return (
    <button
      type="button"
      className={className ? `switch ${className}` : 'switch'}
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onToggle}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {children}
    </button>
  );
}
