// What the rubric editor and the add-submission form share around their fields: the head with the way back, the
// form, and the save bar (what stops the save, or a hint; Cancel and the submit button).
import type { ReactNode } from 'react';
import { admin } from '../../strings/en.js';
import { Icon } from '../../ui/Icon.js';
import { ScreenHead } from '../../ui/ScreenHead.js';

export function EditorHead({
  titleId,
  title,
  subtitle,
  onBack,
}: {
  titleId: string;
  title: string;
  subtitle: string;
  onBack: () => void;
}) {
  return (
    <ScreenHead
      className="lib-editor-head"
      titleId={titleId}
      title={title}
      subtitle={subtitle}
      lead={
        <button type="button" className="button button-ghost lib-back" onClick={onBack}>
          <Icon name="chevronLeft" size={15} />
          {admin.library.editor.back}
        </button>
      }
    />
  );
}

/** The form around the fields: the browser's own checks off (problems show beside the fields), Enter submits. */
export function EditorForm({
  label,
  onSubmit,
  children,
}: {
  label: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="lib-editor-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export interface SaveBarProps {
  /** What stops the save (shown as an alert that takes focus), or null to show the hint. */
  problem: ReactNode;
  hint: string;
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel: () => void;
}

export function SaveBar({ problem, hint, busy, label, busyLabel, onCancel }: SaveBarProps) {
  return (
    <div className="lib-savebar">
      {problem ? (
        <div className="kit-alert lib-save-summary" role="alert" tabIndex={-1}>
          {problem}
        </div>
      ) : (
        <p className="kit-hint lib-savebar-hint">{hint}</p>
      )}
      <div className="lib-savebar-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {admin.common.cancel}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </div>
  );
}
