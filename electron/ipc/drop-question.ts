// The question asked before dropped files are used: they named themselves through the renderer, so the person
// confirms, in words that say what the drop will do (import a package, add evidence, open packages to coordinate).
// Free of Electron (the shape is the message box's), so a test reads it.
import type { DropPurpose } from '../../shared/domain/choices.js';

export interface DropQuestion {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

export function confirmDropOptions(purpose: DropPurpose, paths: readonly string[]): DropQuestion {
  const detail = paths.slice(0, 12).join('\n') + (paths.length > 12 ? `\n… and ${paths.length - 12} more` : '');
  const one = paths.length === 1;
  const ask = (title: string, message: string, yes: string): DropQuestion => ({
    type: 'question',
    title,
    message,
    detail,
    buttons: [yes, 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  switch (purpose) {
    case 'package':
      return ask('Import a review package', 'Import this review package?', 'Import');
    case 'coordination-package':
      return ask(
        'Open in the coordination',
        one
          ? 'Open this package in the coordination? It is verified before anything in it is used.'
          : `Open these ${paths.length} packages in the coordination? Each is verified before anything in it is used.`,
        'Open',
      );
    case 'evidence':
      return ask(
        'Add evidence',
        one ? 'Add this file as evidence?' : `Add these ${paths.length} files as evidence?`,
        'Add',
      );
  }
}
