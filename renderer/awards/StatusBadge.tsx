// An award's status as a coloured badge with its word (colour is never the only cue).
import { admin } from '../strings/en.js';
import type { AwardStatus } from './award-format.js';

const TONE: Record<AwardStatus, string> = { active: 'kit-badge-ok', revoked: 'kit-badge-bad', superseded: '' };

export function StatusBadge({ status }: { status: AwardStatus }) {
  return <span className={`kit-badge ${TONE[status]}`}>{admin.awards.status[status]}</span>;
}
