// A modal dialog on the native <dialog>: focus moves in and stays in, Escape closes, focus returns after.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { admin } from '../strings/en.js';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** alertdialog for errors that interrupt; dialog for everything else. */
  role?: 'dialog' | 'alertdialog';
  tone?: 'default' | 'danger';
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  icon?: ReactNode;
}

export function Dialog({ title, role = 'dialog', tone = 'default', onClose, children, actions, icon }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus the primary action (last button) so Enter confirms and Escape still closes.
    const buttons = dialog.querySelectorAll<HTMLElement>('.dialog-actions button');
    (buttons[buttons.length - 1] ?? dialog).focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      e.preventDefault();
      return;
    }
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    // The modal dialog keeps Tab inside itself; keys bubble up from its controls, the dialog itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- focus trap of a modal dialog
    <dialog
      ref={ref}
      className={`dialog dialog-${tone}`}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        {icon}
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
      </div>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}

export interface ConfirmActionsProps {
  onCancel: () => void;
  onConfirm: () => void;
  /** While the act runs: Cancel is disabled and the act's button says `busyLabel`. */
  busy: boolean;
  label: string;
  busyLabel: string;
  tone?: 'primary' | 'danger';
  /** The act cannot run yet (nothing chosen): the button stays focusable and says why elsewhere. */
  blocked?: boolean;
  /** A long act that can be stopped: while it runs, Cancel becomes this (e.g. a StopButton). */
  stop?: ReactNode;
}

/** The action row of a dialog that does one thing: Cancel, then the act, whose label changes while it runs. */
export function ConfirmActions({
  onCancel,
  onConfirm,
  busy,
  label,
  busyLabel,
  tone = 'primary',
  blocked = false,
  stop,
}: ConfirmActionsProps) {
  return (
    <>
      {busy && stop ? (
        stop
      ) : (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {admin.common.cancel}
        </button>
      )}
      <button
        type="button"
        className={tone === 'danger' ? 'button kit-button-danger' : 'button button-primary'}
        onClick={onConfirm}
        aria-disabled={busy || blocked || undefined}
      >
        {busy ? busyLabel : label}
      </button>
    </>
  );
}

export type ConfirmDialogProps = Omit<DialogProps, 'actions' | 'role'> & Omit<ConfirmActionsProps, 'onCancel' | 'tone'>;

/** A dialog that does one thing (ConfirmActions): it cannot be closed while the act runs; a danger dialog's act is red. */
export function ConfirmDialog({ title, tone = 'default', icon, onClose, children, ...act }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      tone={tone}
      icon={icon}
      onClose={act.busy ? () => {} : onClose}
      actions={<ConfirmActions onCancel={onClose} tone={tone === 'danger' ? 'danger' : 'primary'} {...act} />}
    >
      {children}
    </Dialog>
  );
}
