// The Coordination screen, its code (and the charting library) loaded on the first visit so the queue's first
// paint stays small.
import { coordination } from '../strings/en.js';
import { ScreenLoading } from '../ui/ScreenLoading.js';
import { useLoaded } from '../ui/useLoaded.js';

const load = () => import('./CoordinationView.js');

export function CoordinationScreen() {
  const { mod, failed } = useLoaded(load);
  return mod ? <mod.CoordinationView /> : <ScreenLoading title={coordination.title} failed={failed} />;
}
