// Who can verify an award: anyone (issued under the issuing body's did:web, revocation on a hosted
// status list) or only Assay, and why, in words (an icon and text, never colour alone).
import { didWebDocumentUrl } from '../../shared/schemas/did-web.js';
import { admin } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import type { AwardSummary } from './award-format.js';

type Reach = AwardSummary['issuer'];

/** The issuing body's web site named by the DID, as a person reads it (pd.example.edu, example.edu/schools). */
function siteOf(did: string | undefined): string | undefined {
  if (!did) return undefined;
  try {
    const url = new URL(didWebDocumentUrl(did));
    const folder = url.pathname.replace(/\/(?:\.well-known\/)?did\.json$/, '');
    return `${url.host}${folder}`;
  } catch {
    return did;
  }
}

/** Why, in plain words, by the reason the data folder gives. */
export function verifiabilityWhy(reach: Reach): string {
  const s = admin.awards.verifiability;
  const site = siteOf(reach.did) ?? '';
  switch (reach.basis) {
    case 'did-web':
      return s.whyAnyone(site, reach.statusListUrl ?? '');
    case 'no-hosted-status':
      return s.whyNoStatusList(site);
    case 'did-key':
      return s.whyDidKey;
    case 'unknown-issuer':
      return s.whyUnknownIssuer;
  }
}

/** The table's cell: a short word with an icon. */
export function VerifiabilityBadge({ reach }: { reach: Reach }) {
  const s = admin.awards.verifiability;
  return (
    <span
      className={`kit-badge aw-reach ${reach.thirdPartyVerifiable ? 'kit-badge-info' : ''}`}
      title={verifiabilityWhy(reach)}
      data-testid="verifiability-badge"
    >
      <Icon name={reach.thirdPartyVerifiable ? 'shield' : 'key'} size={13} />
      {reach.thirdPartyVerifiable ? s.anyoneShort : s.localShort}
    </span>
  );
}

/** The preview's note: who can verify it, and why. */
export function VerifiabilityNote({ reach }: { reach: Reach }) {
  const s = admin.awards.verifiability;
  return (
    <section
      className={`aw-verifiability ${reach.thirdPartyVerifiable ? 'is-anyone' : 'is-local'}`}
      aria-labelledby="aw-verifiability-title"
      data-testid="verifiability"
    >
      <h3 id="aw-verifiability-title" className="aw-verifiability-title">
        <Icon name={reach.thirdPartyVerifiable ? 'shield' : 'key'} size={15} />
        {reach.thirdPartyVerifiable ? s.anyone : s.local}
      </h3>
      <p className="aw-verifiability-why">{verifiabilityWhy(reach)}</p>
    </section>
  );
}
