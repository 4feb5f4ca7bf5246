// Passphrases for the command line: from an environment variable, or typed at the terminal unseen.

/** The command's input: a terminal (process.stdin when it is one) can be asked for a passphrase. */
export type CliStdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Where a passphrase comes from: the environment, else a question on stderr answered on stdin. */
export interface PromptIo {
  env: NodeJS.ProcessEnv;
  stdin: CliStdin;
  stderr: NodeJS.WritableStream;
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string, io: PromptIo): Promise<string> {
  const { stdin, stderr } = io;
  const setRawMode = stdin.isTTY ? stdin.setRawMode?.bind(stdin) : undefined;
  if (!setRawMode)
    throw new Error(`${question.replace(/:\s*$/, '')} is needed; set it in the environment (no terminal to ask on)`);
  stderr.write(question);
  setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(text);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

export async function passphrase(io: PromptIo, variable: string, question: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return promptHidden(question, io);
}
