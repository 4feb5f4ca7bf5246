// The Awards screen, its code loaded on the first visit (it draws certificates; the queue needs none of it).
import { ScreenLoading } from '../ui/ScreenLoading.js';
import { useLoaded } from '../ui/useLoaded.js';
import { admin } from '../strings/en.js';

const load = () => import('./AwardsView.js');

export function AwardsScreen({ onSettings }: { onSettings: () => void }) {
  const { mod, failed } = useLoaded(load);
  return mod ? (
    <mod.AwardsView onSettings={onSettings} />
  ) : (
    <ScreenLoading title={admin.awards.title} failed={failed} />
  );
}
