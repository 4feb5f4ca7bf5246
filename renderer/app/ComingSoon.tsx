// The screens that are not built yet: an honest sentence on what each will hold.
import { t } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';
import type { Screen } from './screens.js';

const COPY = {
  review: { icon: 'review', title: t.empty.reviewTitle, body: t.empty.reviewBody },
  awards: { icon: 'awards', title: t.empty.awardsTitle, body: t.empty.awardsBody },
  library: { icon: 'library', title: t.empty.libraryTitle, body: t.empty.libraryBody },
  settings: { icon: 'settings', title: t.empty.settingsTitle, body: t.empty.settingsBody },
} as const;

export interface ComingSoonProps {
  screen: Exclude<Screen, 'queue'>;
  /** The submission opened from the queue (Review only). */
  submissionId?: string | null;
  onBack?: () => void;
}

export function ComingSoon({ screen, submissionId, onBack }: ComingSoonProps) {
  const copy = COPY[screen];
  return (
    <section className="screen screen-centered" aria-label={copy.title}>
      <EmptyState
        icon={copy.icon}
        title={copy.title}
        level={1}
        eyebrow={t.empty.comingSoon}
        actions={
          screen === 'review' && onBack ? (
            <button type="button" className="button" onClick={onBack}>
              {t.empty.backToQueue}
            </button>
          ) : undefined
        }
      >
        <p>{copy.body}</p>
        {screen === 'review' && (
          <p className="muted" data-testid="review-selection">
            {submissionId ? t.empty.reviewSelected(submissionId) : t.empty.reviewNoSelection}
          </p>
        )}
      </EmptyState>
    </section>
  );
}
