// The chosen award: its certificate, what it records (levels, ids, code) and what can be done with it.
import { absoluteDate, absoluteDateTime } from '../queue/dates.js';
import { Icon } from '../ui/Icon.js';
import { admin } from '../strings/en.js';
import type { AwardSummary, Paper } from './award-format.js';
import { CertificateCanvas } from './CertificateCanvas.js';
import { StatusBadge } from './StatusBadge.js';
import { VerifiabilityNote } from './Verifiability.js';

export interface AwardPreviewProps {
  award: AwardSummary;
  paper: Paper;
  printing: boolean;
  onExport: () => void;
  onPrint: () => void;
  onRevoke: () => void;
  onReissue: () => void;
}

export function AwardPreview({ award, paper, printing, onExport, onPrint, onRevoke, onReissue }: AwardPreviewProps) {
  const s = admin.awards.preview;
  const active = award.status === 'active';
  return (
    <aside className="aw-preview" aria-labelledby="aw-preview-title">
      <div className="aw-preview-head">
        <div className="aw-preview-names">
          <h2 id="aw-preview-title" className="aw-preview-title" tabIndex={-1}>
            {award.earnerName}
          </h2>
          <p className="muted">{award.achievementName}</p>
        </div>
        <StatusBadge status={award.status} />
      </div>

      {award.status === 'revoked' && (
        <p className="aw-revoked" data-testid="revoked-note">
          <Icon name="ban" size={15} />
          <span>{s.revokedOn(absoluteDate(award.revokedAt ?? award.issuedAt), award.revocationReason ?? '')}</span>
        </p>
      )}
      {award.status === 'superseded' && <p className="aw-superseded">{s.superseded}</p>}

      <VerifiabilityNote reach={award.issuer} />

      <CertificateCanvas
        credentialId={award.credentialId}
        paper={paper}
        label={s.certificateLabel(award.achievementName, award.earnerName)}
        version={award.status}
      />

      <div className="aw-actions">
        <button type="button" className="button" onClick={onExport}>
          <Icon name="download" size={15} />
          {s.export}
        </button>
        <button type="button" className="button" onClick={onPrint} aria-disabled={printing || undefined}>
          <Icon name="printer" size={15} />
          {printing ? s.printing : s.print}
        </button>
        {active && (
          <button type="button" className="button" onClick={onReissue}>
            <Icon name="refresh" size={15} />
            {s.reissue}
          </button>
        )}
        {active && (
          <button type="button" className="button aw-danger-ghost" onClick={onRevoke}>
            <Icon name="ban" size={15} />
            {s.revoke}
          </button>
        )}
      </div>

      <dl className="aw-facts">
        <dt>{s.code}</dt>
        <dd className="aw-mono aw-code-large">{award.verificationCode}</dd>
        <dt>{s.credentialId}</dt>
        <dd className="aw-mono">{award.credentialId}</dd>
        <dt>{s.issued}</dt>
        <dd>{absoluteDateTime(award.issuedAt)}</dd>
        <dt>{s.assessor}</dt>
        <dd>{award.assessorName}</dd>
        {award.credits && (
          <>
            <dt>{s.credits}</dt>
            <dd>{s.creditsValue(award.credits.amount, award.credits.unit)}</dd>
          </>
        )}
        {award.replaces && (
          <>
            <dt>{s.replaces}</dt>
            <dd className="aw-mono">{award.replaces}</dd>
          </>
        )}
      </dl>

      <table className="aw-levels">
        <caption>{s.levels}</caption>
        <thead>
          <tr>
            <th scope="col">{s.criterion}</th>
            <th scope="col">{s.level}</th>
          </tr>
        </thead>
        <tbody>
          {award.levels.map((l) => (
            <tr key={l.criterionId}>
              <th scope="row">{l.criterion}</th>
              <td>{l.level}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
