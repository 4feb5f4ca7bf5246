// What the teacher submitted, beside the adjudication: the overview, reflection and work examples read from the
// round's review package (each file checked against its SHA-256 by the service, then served as evidence/<sha256>),
// in the review workspace's own evidence pane and viewers. A package or file that is gone or changed is said by name.
import { useId, useRef } from 'react';
import { call, errorMessage } from '../api.js';
import { EvidencePane } from '../evidence/EvidencePane.js';
import { coordination as s } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { useLoad } from '../ui/useLoad.js';

export interface AdjudicationEvidenceProps {
  submissionId: string;
  earnerName: string;
}

export function AdjudicationEvidence({ submissionId, earnerName }: AdjudicationEvidenceProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const a = s.adjudication;
  const evidence = useLoad(() => call('coordination:adjudicationEvidence', { submissionId }), [submissionId]);
  const data = evidence.loading ? null : evidence.data;
  return (
    <div
      className="coord-adj-evidence"
      role="group"
      aria-labelledby={headingId}
      aria-busy={evidence.loading}
      data-testid="adjudication-evidence"
    >
      <div className="coord-adj-evidence-head">
        <h4 id={headingId} ref={headingRef} tabIndex={-1}>
          {a.evidenceHeading(earnerName)}
        </h4>
        {data && <p className="muted coord-note">{a.evidenceFrom(data.packageLabel)}</p>}
      </div>
      {evidence.loading ? (
        <p className="muted coord-adj-evidence-note" role="status">
          {a.evidenceLoading}
        </p>
      ) : evidence.error || !data ? (
        <div className="coord-adj-evidence-note">
          <Alert>{errorMessage(evidence.error, a.evidenceFailed)}</Alert>
          <button
            type="button"
            className="button"
            onClick={() => {
              // The button goes while the evidence is read again: focus waits on the heading, not on the page.
              headingRef.current?.focus();
              evidence.reload();
            }}
          >
            {a.evidenceRetry}
          </button>
        </div>
      ) : (
        <EvidencePane sections={data.sections} blind={false} />
      )}
    </div>
  );
}
