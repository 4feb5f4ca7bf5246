// A short confirmation after an action ("Backup written"), dismissed by the person or after a while.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  id: number;
  title: string;
  detail?: string;
}

/** Long enough to read twice; the person can also dismiss it, and hovering or focusing it keeps it. */
const SHOW_MS = 9000;

export function useToast(): {
  toast: ToastMessage | null;
  show: (title: string, detail?: string) => void;
  dismiss: () => void;
  hold: (held: boolean) => void;
} {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [held, setHeld] = useState(false);
  const next = useRef(0);
  const show = useCallback((title: string, detail?: string) => {
    next.current += 1;
    setToast({ id: next.current, title, ...(detail ? { detail } : {}) });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => setToast((current) => (current?.id === toast.id ? null : current)), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);
  return { toast, show, dismiss, hold: setHeld };
}
