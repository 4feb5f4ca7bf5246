// Writing to stdout with backpressure: a long listing waits for its reader instead of piling up in memory.
import { once } from 'node:events';

/** Resolves once the text is taken, or once the reader caught up if the stream's buffer is full. */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
