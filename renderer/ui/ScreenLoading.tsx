// What a screen shows while its code loads: its title (so nothing jumps), or why it could not load.
import { admin } from '../strings/en.js';
import { Alert } from './Alert.js';

export function ScreenLoading({ title, failed }: { title: string; failed: boolean }) {
  return (
    <section className="screen" aria-busy={!failed} aria-label={title}>
      <header className="screen-head">
        <h1 className="screen-title">{title}</h1>
      </header>
      {failed && <Alert>{admin.common.screenFailed}</Alert>}
    </section>
  );
}
