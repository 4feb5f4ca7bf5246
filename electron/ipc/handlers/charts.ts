// charts:* — a chart of the Coordination screen written where the person chose: the picture as PNG, or its
// numbers as CSV. The bytes come from the page, so they are checked for what they claim to be first.
import { AssayError } from '../../../shared/errors.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import type { DomainHandlers, HandlerContext } from './context.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Refuses bytes that are not what the format says: a PNG without its signature, CSV that is not UTF-8 text. */
export function checkChartBytes(format: 'png' | 'csv', bytes: Uint8Array): void {
  if (format === 'png') {
    if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b))
      throw new AssayError('png', 'The chart image is not a PNG; it was not saved.');
    return;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AssayError('encoding', 'The chart’s numbers are not UTF-8 text; they were not saved.');
  }
  if (bytes.includes(0)) throw new AssayError('encoding', 'The chart’s numbers hold a NUL byte; they were not saved.');
}

export function chartHandlers({ choices }: HandlerContext): DomainHandlers<'charts'> {
  return {
    'charts:save': ({ token, format, bytes }) =>
      choices.useOne(token, format === 'png' ? 'chart-png' : 'chart-csv', (file) => {
        checkChartBytes(format, bytes);
        // A file the coordinator shares: readable as any document they save (not private like the store).
        writeFileAtomic(file, bytes, { mode: 0o644 });
        return { bytes: bytes.length };
      }),
  };
}
