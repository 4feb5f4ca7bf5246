// Runs one import at a time (chosen, dropped or the sample) and tracks its progress and outcome.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeImport, type ImportProgress, type ImportResult } from '../../shared/domain/import.js';
import { ApiError, call, dropFiles, errorCode, errorMessage, onEvent, type ApiErrorCode } from '../api.js';
import { t } from '../strings/en.js';
import { useLatest } from '../ui/useLatest.js';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress | null }
  /** `damaged`: the package was already imported and the copy just chosen differs from it. */
  | { kind: 'done'; summary: string; damaged: boolean }
  | { kind: 'failed'; code: ApiErrorCode; message: string };

export interface Importer {
  state: ImportState;
  busy: boolean;
  choose: () => void;
  /** Imports a package dropped on the window, once the assessor confirmed it in main's dialog. */
  importDropped: (file: Blob) => void;
  sample: () => void;
  dismiss: () => void;
}

export function useImport(onImported: () => void): Importer {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const running = useRef(false);
  const onImportedRef = useLatest(onImported);

  useEffect(
    () =>
      onEvent('import:progress', (progress) => {
        // Late events after the answer (or from an import started elsewhere) must not reopen the bar.
        if (running.current) setState({ kind: 'running', progress });
      }),
    [],
  );

  const run = useCallback(
    async (task: () => Promise<ImportResult | null>) => {
      if (running.current) return;
      running.current = true;
      try {
        const result = await task();
        running.current = false;
        if (result === null) {
          setState((s) => (s.kind === 'running' ? { kind: 'idle' } : s));
          return;
        }
        setState({ kind: 'done', summary: describeImport(result), damaged: result.copyDiffers !== undefined });
        onImportedRef.current();
      } catch (err) {
        running.current = false;
        setState({ kind: 'failed', code: errorCode(err), message: errorMessage(err, t.errors.generic) });
      }
    },
    [onImportedRef],
  );

  const begin = () => setState({ kind: 'running', progress: null });

  return {
    state,
    busy: state.kind === 'running',
    choose: useCallback(
      () =>
        void run(async () => {
          const chosen = await call('import:choose');
          if (chosen === null) return null;
          begin();
          return call('import:package', { token: chosen.token });
        }),
      [run],
    ),
    importDropped: useCallback(
      (file: Blob) =>
        void run(async () => {
          const dropped = await dropFiles([file], 'package');
          const chosen = dropped.files[0];
          if (!chosen) {
            if (dropped.withoutPath > 0) throw new ApiError('no-path', t.importing.dropNoPath);
            return null;
          }
          begin();
          return call('import:package', { token: chosen.token });
        }),
      [run],
    ),
    sample: useCallback(
      () =>
        void run(() => {
          begin();
          return call('import:sample');
        }),
      [run],
    ),
    dismiss: useCallback(() => setState({ kind: 'idle' }), []),
  };
}
