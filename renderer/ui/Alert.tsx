// A refusal or failure shown where it happened, announced at once; nothing when there is none.
import type { ReactNode } from 'react';

export function Alert({ children, className }: { children: ReactNode; className?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className={className ? `kit-alert ${className}` : 'kit-alert'} role="alert">
      {children}
    </p>
  );
}
