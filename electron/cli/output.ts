// Writing to stdout with backpressure: a long listing waits for its reader instead of piling up in memory.
import { once } from 'node:events';

/** Resolves once the text is taken, or once the reader caught up if the stream's buffer is full. */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Where the app says "in Settings", the command line names the commands. */
export function noIdentityMessage(dataDir: string): string {
  return `There is no issuer identity in ${dataDir}; create one with "assay identity create --name NAME" or import the issuing body's with "assay identity import FILE.p12".`;
}
