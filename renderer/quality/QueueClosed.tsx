// What the queue shows while a required calibration is unmet: why it is closed, what is missing, and the way on.
import { quality } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';

export function QueueClosed({ missing, onCalibration }: { missing: string; onCalibration: () => void }) {
  const s = quality.closed;
  return (
    <div className="qa-closed-slot" data-testid="queue-closed">
      <EmptyState
        icon="calibration"
        title={s.title}
        actions={
          <button type="button" className="button button-primary" onClick={onCalibration}>
            {s.toCalibration}
          </button>
        }
      >
        <p>{s.body}</p>
        <p>
          <strong>{missing}</strong>
        </p>
      </EmptyState>
    </div>
  );
}
