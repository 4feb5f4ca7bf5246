// The confirmation shown after an action: a polite live region that is always present, so it is announced.
import { admin } from '../strings/en.js';
import { Icon } from './Icon.js';
import type { ToastMessage } from './useToast.js';

export interface ToastProps {
  toast: ToastMessage | null;
  onDismiss: () => void;
  onHold: (held: boolean) => void;
}

export function Toast({ toast, onDismiss, onHold }: ToastProps) {
  return (
    <div className="kit-toast-region" role="status" aria-live="polite">
      {toast && (
        // Hovering holds the toast (it would vanish under the pointer); hovering is no action, so no keyboard twin.
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- hover pauses the timeout, nothing more
        <div
          key={toast.id}
          className="kit-toast"
          onMouseEnter={() => onHold(true)}
          onMouseLeave={() => onHold(false)}
          onFocus={() => onHold(true)}
          onBlur={() => onHold(false)}
        >
          <Icon name="check" size={16} className="kit-toast-icon" />
          <div className="kit-toast-text">
            <strong>{toast.title}</strong>
            {toast.detail && <span className="kit-toast-detail">{toast.detail}</span>}
          </div>
          <button type="button" className="icon-button" onClick={onDismiss} aria-label={admin.common.dismiss}>
            <Icon name="close" size={15} />
          </button>
        </div>
      )}
    </div>
  );
}
