// Runs one import at a time (chosen, dropped or the sample) and tracks its progress and outcome.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeImport, type ImportProgress, type ImportResult } from '../../shared/domain/import.js';
import { call, errorCode, errorMessage, onEvent } from '../api.js';
import { t } from '../strings/en.js';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress | null }
  /** `damaged`: the package was already imported and the copy just chosen differs from it. */
  | { kind: 'done'; summary: string; damaged: boolean }
  | { kind: 'failed'; code: string; message: string };

export interface Importer {
  state: ImportState;
  busy: boolean;
  choose(): void;
  importPath(path: string): void;
  sample(): void;
  /** Shows a failure that happened before any import could start (e.g. a drop without a path). */
  fail(message: string): void;
  dismiss(): void;
}

export function useImport(onImported: () => void): Importer {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const running = useRef(false);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  useEffect(
    () =>
      onEvent('import:progress', (progress) => {
        // Late events after the answer (or from an import started elsewhere) must not reopen the bar.
        if (running.current) setState({ kind: 'running', progress });
      }),
    [],
  );

  const run = useCallback(async (task: () => Promise<ImportResult | null>) => {
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
  }, []);

  const begin = () => setState({ kind: 'running', progress: null });

  return {
    state,
    busy: state.kind === 'running',
    choose: useCallback(
      () =>
        void run(async () => {
          const path = await call('import:choose');
          if (path === null) return null;
          begin();
          return call('import:package', { path });
        }),
      [run],
    ),
    importPath: useCallback(
      (path: string) =>
        void run(() => {
          begin();
          return call('import:package', { path });
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
    fail: useCallback((message: string) => setState({ kind: 'failed', code: 'no-path', message }), []),
    dismiss: useCallback(() => setState({ kind: 'idle' }), []),
  };
}
