// The Calibration screen, its code loaded on the first visit so the queue's first paint stays small.
import { quality } from '../strings/en.js';
import { ScreenLoading } from '../ui/ScreenLoading.js';
import { useLoaded } from '../ui/useLoaded.js';
import type { CalibrationViewProps } from './CalibrationView.js';

const load = () => import('./CalibrationView.js');

export function CalibrationScreen(props: CalibrationViewProps) {
  const { mod, failed } = useLoaded(load);
  return mod ? <mod.CalibrationView {...props} /> : <ScreenLoading title={quality.calibration.title} failed={failed} />;
}
