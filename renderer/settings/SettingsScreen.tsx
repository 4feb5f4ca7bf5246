// The Settings screen, its code loaded on the first visit so the queue's first paint stays small.
import { admin } from '../strings/en.js';
import { ScreenLoading } from '../ui/ScreenLoading.js';
import { useLoaded } from '../ui/useLoaded.js';

const load = () => import('./SettingsView.js');

export function SettingsScreen() {
  const { mod, failed } = useLoaded(load);
  return mod ? <mod.SettingsView /> : <ScreenLoading title={admin.settings.title} failed={failed} />;
}
