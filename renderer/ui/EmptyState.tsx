// A centred message for a screen with nothing to show yet: an icon, a heading, a sentence, actions.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

export interface EmptyStateProps {
  icon: IconName;
  title: string;
  /** The heading level within the page (h1 for a whole screen, h2 inside one). */
  level?: 1 | 2;
  children?: ReactNode;
  actions?: ReactNode;
  eyebrow?: string;
}

export function EmptyState({ icon, title, level = 2, children, actions, eyebrow }: EmptyStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="empty">
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      {eyebrow && <p className="empty-eyebrow">{eyebrow}</p>}
      <Heading className="empty-title">{title}</Heading>
      {children && <div className="empty-body">{children}</div>}
      {actions && <div className="empty-actions">{actions}</div>}
    </div>
  );
}
