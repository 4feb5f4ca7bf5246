// One error type at the IPC boundary: an AssayError answers its code and message and logs nothing; any
// other error answers `internal` with a generic sentence, its message and stack only in the log.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AwardAlreadyIssuedError } from '../../electron/awards/awards.js';
import { IdentityError } from '../../electron/awards/identity/index.js';
import { FileRefusedError } from '../../electron/files/bounded-read.js';
import { ImportError } from '../../electron/import/errors.js';
import { ChoiceError } from '../../electron/ipc/choices.js';
import { dispatch, INTERNAL_MESSAGE } from '../../electron/ipc/dispatch.js';
import type { Handlers } from '../../electron/ipc/handlers.js';
import { LibraryError } from '../../electron/library/errors.js';
import { ReviewConflictError } from '../../electron/review/reviews.js';
import { NotFoundError } from '../../electron/review/workspace.js';
import { StoreBusyError } from '../../electron/store/store-lock.js';
import { ScoringError } from '../../shared/domain/decision.js';
import { AssayError, ASSAY_ERROR_CODES } from '../../shared/errors.js';
import type { IpcErrorCode } from '../../shared/ipc/contract.js';
import { openPersonIpc, type PersonIpc } from '../support/ipc-person.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let ipc: PersonIpc;

beforeAll(() => {
  work = tempDir('assay-ipc-errors-');
  ipc = openPersonIpc(path.join(work, 'data'));
});
afterAll(() => {
  ipc.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The real handler table with `queue:counts` throwing `err`, through the real dispatcher. */
async function answerFor(err: unknown) {
  const log: string[] = [];
  const handlers: Handlers = {
    ...ipc.handlers,
    'queue:counts': () => {
      throw err;
    },
  };
  return { answer: await dispatch(handlers, 'queue:counts', undefined, (line) => log.push(line)), log };
}

describe('an AssayError reaches the renderer as its code, with nothing logged', () => {
  const cases: [IpcErrorCode, Error][] = [
    ['choice', new ChoiceError('Choose the file again.')],
    ['file-refused', new FileRefusedError('The backup /dev/zero is not a regular file.')],
    ['import-refused', new ImportError('missing-file', '"pkg"', 'evidence/a.pdf', 'is missing')],
    ['store', new StoreBusyError('The data folder is being restored.')],
    ['identity-wrong-passphrase', new IdentityError('wrong-passphrase', 'The passphrase is not right.')],
    [
      'award-already-issued',
      new AwardAlreadyIssuedError('sub-1', { credentialId: 'urn:uuid:x', verificationCode: 'C0DE' }),
    ],
    ['invalid-achievement', new LibraryError('invalid-achievement', 'This cannot be saved', [])],
    ['not-found', new NotFoundError('There is no submission s-9.')],
    ['conflict', new ReviewConflictError('The review was submitted already.')],
    ['scoring', new ScoringError('"x" is not one of the levels')],
    ['identity-missing', new AssayError('identity-missing', 'Set up the issuer identity in Settings first.')],
  ];
  it.each(cases)('%s', async (code, err) => {
    const { answer, log } = await answerFor(err);
    expect(answer).toEqual({ ok: false, error: { code, message: err.message } });
    expect(log).toEqual([]);
  });

  it('keeps the class names the CLI and the tests rely on, and the reason behind a prefixed code', () => {
    const e = new ImportError('hash-mismatch', '"pkg"', 'a.pdf', 'differs');
    expect(e).toBeInstanceOf(AssayError);
    expect(e).toMatchObject({ name: 'ImportError', code: 'import-refused', reason: 'hash-mismatch' });
    expect(new IdentityError('corrupt', 'x')).toMatchObject({ code: 'identity-corrupt', reason: 'corrupt' });
  });

  it('every code is a lower-case word the contract carries', () => {
    for (const code of ASSAY_ERROR_CODES) expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
    const asIpc: IpcErrorCode[] = [...ASSAY_ERROR_CODES];
    expect(new Set<string>(asIpc).size).toBe(ASSAY_ERROR_CODES.length);
  });
});

describe('a fault tells the window nothing of its internals', () => {
  it('an unknown Error: generic message; its message and stack only in the log', async () => {
    const secret = 'SELECT * FROM submissions at /home/assessor/.config/Assay/assay.db';
    const err = new Error(secret);
    const { answer, log } = await answerFor(err);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(answer)).not.toContain('assay.db');
    expect(JSON.stringify(answer)).not.toContain('at answerFor');
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(secret);
    expect(log[0]).toContain(err.stack!.split('\n')[1]!.trim());
  });

  it('a thrown non-Error and output that breaks the contract are internal too', async () => {
    expect((await answerFor('a string')).answer).toEqual({
      ok: false,
      error: { code: 'internal', message: INTERNAL_MESSAGE },
    });
    const handlers: Handlers = { ...ipc.handlers, 'queue:counts': () => ({ nonsense: true }) as never };
    const log: string[] = [];
    const r = await dispatch(handlers, 'queue:counts', undefined, (line) => log.push(line));
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    expect(log[0]).toMatch(/breaks the contract/);
    expect(z.string().safeParse(log[0]).success).toBe(true);
  });
});

describe('awards without an issuer identity', () => {
  it('answers identity-missing with the sentence that says what to do, and logs no stack', async () => {
    const before = ipc.log.length;
    const r = await ipc.call('awards:issue', { submissionIds: ['any'] });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'identity-missing',
        message: 'Set up the issuer identity in Settings first: awards are signed with it.',
      },
    });
    expect(ipc.log.slice(before)).toEqual([]);
    for (const [channel, input] of [
      ['awards:certificate', { credentialId: 'urn:uuid:0', paper: 'a4' }],
      ['identity:setProfile', { name: 'Someone' }],
    ] as const) {
      const other = await ipc.call(channel, input);
      expect(other.ok ? 'ok' : other.error.code, channel).toMatch(/^(identity-missing|not-found)$/);
    }
  });
});
