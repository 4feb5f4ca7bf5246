// The Library screen, its code loaded on the first visit so the queue's first paint stays small.
import { ScreenLoading } from '../ui/ScreenLoading.js';
import { useLoaded } from '../ui/useLoaded.js';
import { admin } from '../strings/en.js';
import type { LibraryViewProps } from './LibraryView.js';

const load = () => import('./LibraryView.js');

export function LibraryScreen(props: LibraryViewProps) {
  const { mod, failed } = useLoaded(load);
  return mod ? <mod.LibraryView {...props} /> : <ScreenLoading title={admin.library.title} failed={failed} />;
}
