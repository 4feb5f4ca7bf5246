// Settings › Issuer identity: why awards need one, how to set it up, and what is in place.
import { useState } from 'react';
import { absoluteDate } from '../queue/dates.js';
import { admin } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { Fingerprint } from './Fingerprint.js';
import { ImportIdentityDialog } from './ImportIdentityDialog.js';
import { ProfileDialog } from './ProfileDialog.js';
import type { IdentityPublic, IdentityState } from './useIdentity.js';

type Open = 'create' | 'import' | 'edit' | 'replace' | null;

const DAY = 86_400_000;

export function IdentitySection({ state, onChanged }: { state: IdentityState; onChanged: (message: string) => void }) {
  const s = admin.identity;
  const [open, setOpen] = useState<Open>(null);
  const { identity } = state;
  const done = (message: string) => (next: IdentityPublic) => {
    state.set(next);
    setOpen(null);
    onChanged(message);
  };

  return (
    <section id="settings-identity" className="set-section" aria-labelledby="settings-identity-title">
      <div className="set-section-head">
        <h2 id="settings-identity-title" className="set-section-title" tabIndex={-1}>
          {s.title}
        </h2>
        {identity && (
          <span className={`kit-badge ${identity.selfSigned ? '' : 'kit-badge-ok'}`}>
            {identity.selfSigned ? s.selfSigned : s.issued}
          </span>
        )}
      </div>
      {!state.loaded ? (
        <p className="muted">{admin.common.loading}</p>
      ) : state.error ? (
        <Alert>{state.error}</Alert>
      ) : identity ? (
        <IdentityFacts identity={identity} />
      ) : (
        <>
          <p className="set-lede">{s.why}</p>
          <div className="set-options">
            <div className="set-option">
              <Icon name="certificate" size={22} className="set-option-icon" />
              <h3 className="set-option-title">{s.createOption}</h3>
              <p className="muted">{s.createOptionBody}</p>
              <button type="button" className="button button-primary" onClick={() => setOpen('create')}>
                {s.createButton}
              </button>
            </div>
            <div className="set-option">
              <Icon name="key" size={22} className="set-option-icon" />
              <h3 className="set-option-title">{s.importOption}</h3>
              <p className="muted">{s.importOptionBody}</p>
              <button type="button" className="button" onClick={() => setOpen('import')}>
                {s.importButton}
              </button>
            </div>
          </div>
        </>
      )}
      <p className="set-sealed">
        <Icon name="shieldCheck" size={16} />
        {s.sealed}
      </p>
      {identity && (
        <div className="set-actions">
          <button type="button" className="button" onClick={() => setOpen('edit')}>
            <Icon name="pencil" size={15} />
            {s.editProfile}
          </button>
          <button type="button" className="button" onClick={() => setOpen('replace')}>
            <Icon name="refresh" size={15} />
            {s.replace}
          </button>
        </div>
      )}

      {open === 'create' && (
        <ProfileDialog mode="create" current={null} onDone={done(s.created)} onClose={() => setOpen(null)} />
      )}
      {open === 'edit' && (
        <ProfileDialog mode="edit" current={identity} onDone={done(s.saved)} onClose={() => setOpen(null)} />
      )}
      {open === 'import' && <ImportIdentityDialog onDone={done(s.imported)} onClose={() => setOpen(null)} />}
      {open === 'replace' && (
        <Dialog
          title={s.replaceTitle}
          onClose={() => setOpen(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setOpen(null)}>
                {admin.common.cancel}
              </button>
              <button type="button" className="button" onClick={() => setOpen('import')}>
                {s.importButton}
              </button>
              <button type="button" className="button button-primary" onClick={() => setOpen('create')}>
                {s.createButton}
              </button>
            </>
          }
        >
          <p>{s.replaceBody}</p>
          <p className="muted">{s.replaceIssued}</p>
        </Dialog>
      )}
    </section>
  );
}

function IdentityFacts({ identity }: { identity: IdentityPublic }) {
  const s = admin.identity;
  const { profile } = identity;
  const validTo = Date.parse(identity.validTo);
  // Read once when the facts are first shown: a render must not depend on the clock.
  const [now] = useState(Date.now);
  const expiry = validTo < now ? s.expired : validTo - now < 60 * DAY ? s.expiresSoon : null;
  return (
    <dl className="set-facts">
      <dt>{s.form.name}</dt>
      <dd className="set-fact-strong">{profile.name}</dd>
      <dt>{s.form.url}</dt>
      <dd>{profile.url ?? <span className="muted">{s.notGiven}</span>}</dd>
      <dt>{s.form.email}</dt>
      <dd>{profile.email ?? <span className="muted">{s.notGiven}</span>}</dd>
      <dt>{s.form.logo}</dt>
      <dd>{profile.hasLogo ? s.logoOnCertificates : <span className="muted">{s.noLogo}</span>}</dd>
      <dt>{s.subject}</dt>
      <dd>{identity.certificateSubject}</dd>
      <dt>{s.kind}</dt>
      <dd>{identity.selfSigned ? s.selfSignedLong : s.issuedLong}</dd>
      <dt>{s.validity}</dt>
      <dd>
        {s.validRange(absoluteDate(identity.validFrom), absoluteDate(identity.validTo))}
        {expiry && <span className="set-warning"> {expiry}</span>}
      </dd>
      <dt>{s.fingerprint}</dt>
      <dd>
        <Fingerprint value={identity.certificateFingerprint256} />
      </dd>
    </dl>
  );
}
