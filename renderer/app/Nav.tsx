// The left navigation: one button per screen, the current one marked for assistive technology.
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { SCREENS, type Screen } from './screens.js';

export interface NavProps {
  current: Screen;
  onNavigate: (screen: Screen) => void;
  onAbout: () => void;
}

export function Nav({ current, onNavigate, onAbout }: NavProps) {
  return (
    <nav className="sidebar" aria-label={t.nav.label}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          A
        </span>
        <span className="brand-name">{t.app.name}</span>
      </div>
      <ul className="nav-list">
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === current ? 'page' : undefined}
              onClick={() => onNavigate(screen)}
            >
              <Icon name={screen} size={17} />
              {t.nav[screen]}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button type="button" className="nav-item nav-item-quiet" onClick={onAbout}>
          <Icon name="info" size={17} />
          {t.nav.about}
        </button>
      </div>
    </nav>
  );
}
