// A screen's head: its title (what the screen section is labelled by), a line under it, and its actions at the side.
import type { ReactNode } from 'react';

export interface ScreenHeadProps {
  titleId: string;
  title: string;
  subtitle?: string | null;
  /** Above the title (the editors' way back). */
  lead?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

export function ScreenHead({ titleId, title, subtitle, lead, actions, className }: ScreenHeadProps) {
  return (
    <header className={className ? `screen-head ${className}` : 'screen-head'}>
      <div>
        {lead}
        <h1 id={titleId} className="screen-title">
          {title}
        </h1>
        {subtitle && <p className="screen-subtitle">{subtitle}</p>}
      </div>
      {actions !== undefined && <div className="screen-actions">{actions}</div>}
    </header>
  );
}
