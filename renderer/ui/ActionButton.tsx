// A screen's action button with its icon; `blocked` while another of the screen's jobs runs (still focusable, says
// nothing new: the running one's button says what runs).
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

export interface ActionButtonProps {
  icon: IconName;
  blocked: boolean;
  onClick: () => void;
  primary?: boolean;
  id?: string;
  children: ReactNode;
}

export function ActionButton({ icon, blocked, onClick, primary = false, id, children }: ActionButtonProps) {
  return (
    <button
      id={id}
      type="button"
      className={primary ? 'button button-primary' : 'button'}
      onClick={onClick}
      aria-disabled={blocked || undefined}
    >
      <Icon name={icon} size={15} />
      {children}
    </button>
  );
}
