// Types the Awards screen shares between its parts, and the award statuses in the order filters list them.
import type { AwardSummary } from '../../shared/domain/awards.js';
import type { ChannelOutput } from '../../shared/ipc/contract.js';

export type Paper = 'a4' | 'letter';
export type AwardStatus = AwardSummary['status'];
export type ReadyAward = ChannelOutput<'awards:ready'>[number];
export type AwardFormat = 'pdf' | 'json' | 'png';
export type { AwardSummary };

/** What a dialog that changes one award (revoke, re-issue) is given: the award, and where the changed one goes. */
export interface AwardChangeProps {
  award: AwardSummary;
  onDone: (award: AwardSummary) => void;
  onClose: () => void;
}

export const STATUSES: readonly AwardStatus[] = ['active', 'revoked', 'superseded'];
