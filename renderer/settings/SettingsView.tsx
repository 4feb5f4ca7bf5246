// The Settings screen itself: issuer identity, certificate paper, appearance and the data folder, one section each.
import { call } from '../api.js';
import { admin } from '../strings/en.js';
import { DataSection } from './DataSection.js';
import { IdentitySection } from './IdentitySection.js';
import { Toast } from '../ui/Toast.js';
import { useToast } from '../ui/useToast.js';
import { useLoad } from '../ui/useLoad.js';
import { AppearanceSection, CertificatesSection } from './PreferenceSections.js';
import { useIdentity } from './useIdentity.js';
import { useSettings } from './useSettings.js';
import { VerificationSection } from './VerificationSection.js';
import '../ui/kit.css';
import './settings.css';
import { Alert } from '../ui/Alert.js';
import { ScreenHead } from '../ui/ScreenHead.js';

const SECTIONS = ['identity', 'certificates', 'verification', 'appearance', 'data'] as const;

export function SettingsView() {
  const s = admin.settings;
  const identity = useIdentity();
  const settings = useSettings();
  const toast = useToast();
  // Without it the data section names no folder; nothing else depends on it.
  const dataDir = useLoad(() => call('app:info'), []).data?.dataDir ?? null;

  const jump = (section: (typeof SECTIONS)[number]) => {
    const heading = document.getElementById(`settings-${section}-title`);
    heading?.closest('section')?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };

  return (
    <section className="screen set-screen" aria-labelledby="settings-title">
      <ScreenHead titleId="settings-title" title={s.title} subtitle={s.subtitle} />
      <Alert className="set-top-alert">{settings.error}</Alert>
      <div className="set-layout">
        <nav className="set-toc" aria-label={s.sectionsLabel}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section}>
                <button type="button" className="set-toc-item" onClick={() => jump(section)}>
                  {s.toc[section]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="set-sections">
          <IdentitySection state={identity} onChanged={(m) => toast.show(m)} />
          <CertificatesSection state={settings} onSaved={(m) => toast.show(m)} />
          <VerificationSection
            state={settings}
            issuerUrl={identity.identity?.profile.url ?? undefined}
            onSaved={(m) => toast.show(m)}
          />
          <AppearanceSection state={settings} onSaved={(m) => toast.show(m)} />
          <DataSection state={settings} dataDir={dataDir} onDone={toast.show} />
        </div>
      </div>
      <Toast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.hold} />
    </section>
  );
}
