// The left navigation: one button per screen, the current one marked for assistive technology. It folds to
// a rail of icons (remembered; folded from the start on a window narrower than 1200 px) to give a laptop's
// width to the work.
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { usePersistentFlag } from '../ui/usePersistentFlag.js';
import { SCREENS, type Screen } from './screens.js';

export const NAV_COLLAPSED_KEY = 'assay.nav.collapsed';

export interface NavProps {
  current: Screen;
  onNavigate: (screen: Screen) => void;
  onAbout: () => void;
  /** Screens left out of the navigation (Calibration when no package asks for it). */
  hidden?: readonly Screen[];
}

export function Nav({ current, onNavigate, onAbout, hidden = [] }: NavProps) {
  const [collapsed, setCollapsed] = usePersistentFlag(NAV_COLLAPSED_KEY, window.innerWidth < 1200);
  return (
    <nav className={collapsed ? 'sidebar is-collapsed' : 'sidebar'} aria-label={t.nav.label}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          A
        </span>
        <span className="brand-name">{t.app.name}</span>
      </div>
      <ul className="nav-list">
        {SCREENS.filter((screen) => !hidden.includes(screen)).map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === current ? 'page' : undefined}
              title={collapsed ? t.nav[screen] : undefined}
              onClick={() => onNavigate(screen)}
            >
              <Icon name={screen} size={17} />
              <span className="nav-label">{t.nav[screen]}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button
          type="button"
          className="nav-item nav-item-quiet"
          title={collapsed ? t.nav.about : undefined}
          onClick={onAbout}
        >
          <Icon name="info" size={17} />
          <span className="nav-label">{t.nav.about}</span>
        </button>
        <button
          type="button"
          className="nav-item nav-item-quiet nav-fold"
          aria-expanded={!collapsed}
          title={collapsed ? t.nav.expand : undefined}
          onClick={() => setCollapsed(!collapsed)}
        >
          <Icon name="sidebar" size={17} />
          <span className="nav-label">{collapsed ? t.nav.expand : t.nav.collapse}</span>
        </button>
      </div>
    </nav>
  );
}
