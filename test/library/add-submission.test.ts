// Submissions added by hand: evidence by hash, search, and all or nothing when a file fails.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../electron/library/library.js';
import { LibraryError } from '../../electron/library/errors.js';
import { loadWorkspace } from '../../electron/review/workspace.js';
import { openServices, type Services } from '../../electron/services.js';
import { listAudit } from '../../electron/store/audit.js';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { sha256, tempDir } from '../support/package-builder.js';
import { orphanReport, snapshot } from '../support/store-snapshot.js';

let work: string;
let s: Services;
let lib: Library;
let ach: Achievement;

beforeEach(() => {
  work = tempDir();
  s = openServices(path.join(work, 'data'));
  lib = new Library(s.db, s.evidence, () => new Date('2026-11-20T09:00:00Z'));
  ach = lib.newAchievementTemplate('Formative Assessment');
  lib.saveAchievement(ach);
});
afterEach(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const p = path.join(work, 'dropped', name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

async function refusal(p: Promise<unknown>): Promise<LibraryError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof LibraryError) return err;
  throw new Error(`expected a LibraryError, got ${String(err)}`);
}

describe('adding a submission by hand', () => {
  it('stores evidence by hash, pins the latest version, indexes it for search and audits it', async () => {
    const pdf = Buffer.from('%PDF-1.7 exit tickets for 28 students\n');
    const added = await lib.addSubmission({
      achievementId: ach.id,
      earner: { name: 'Zoë Núñez', email: 'zoe.nunez@school.example', organization: 'Lincoln Middle School' },
      dueAt: '2026-12-01T00:00:00+01:00',
      responses: [
        { sectionId: 'overview', text: 'Seventh graders; I used hinge questions every lesson.' },
        { sectionId: 'reflection', text: '   ' },
      ],
      files: [
        { path: file('exit-tickets.pdf', pdf), sectionId: 'work-examples', name: 'Exit tickets' },
        { path: file('Notes.MD', '# notes'), sectionId: 'work-examples', name: 'Notes', mediaType: 'text/plain' },
        { path: file('copy/exit-tickets.pdf', pdf), sectionId: 'reflection', name: 'Same file again' },
      ],
      links: [{ url: 'https://video.example.org/v/42', sectionId: 'work-examples', name: 'Lesson video' }],
    });
    expect(added).toMatchObject({ achievementId: ach.id, versionId: lib.getAchievement(ach.id).versionId, attempt: 1 });
    expect(added.artifacts.map((a) => [a.id, a.mediaType ?? a.url])).toEqual([
      ['a1', 'application/pdf'],
      ['a2', 'text/plain'],
      ['a3', 'application/pdf'],
      ['a4', 'https://video.example.org/v/42'],
    ]);
    expect(added.artifacts[0]!.sha256).toBe(sha256(pdf));
    expect(s.evidence.has(sha256(pdf))).toBe(true);
    expect(fs.readFileSync(s.evidence.pathOf(sha256(pdf)))).toEqual(pdf);
    // One blob for the two copies of the same content.
    expect(s.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(2);
    expect(orphanReport(s)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });

    const row = s.db
      .prepare('SELECT package_id AS pkg, due_at AS due, earner_id AS earner, status FROM submissions WHERE id = ?')
      .get(added.id);
    expect(row).toEqual({
      pkg: null,
      due: '2026-11-30T23:00:00.000Z',
      earner: 'mailto:zoe.nunez@school.example',
      status: 'pending',
    });

    for (const search of ['hinge', 'zoe', 'NUNEZ', 'seventh grad']) {
      expect(s.queue.list({ search }).items.map((i) => i.id)).toEqual([added.id]);
    }
    expect(s.queue.list({ search: 'zoe', blind: true }).items).toEqual([]);

    const ws = loadWorkspace(s.db, added.id, false);
    const byId = Object.fromEntries(ws.submission.sections.map((x) => [x.id, x]));
    expect(byId['overview']!.responses).toEqual(['Seventh graders; I used hinge questions every lesson.']);
    expect(byId['reflection']!.responses).toEqual([]);
    expect(byId['work-examples']!.artifacts.map((a) => [a.name, a.fileName ?? a.href])).toEqual([
      ['Exit tickets', 'exit-tickets.pdf'],
      ['Notes', 'Notes.MD'],
      ['Lesson video', 'https://video.example.org/v/42'],
    ]);
    expect(byId['reflection']!.artifacts[0]).toMatchObject({ fileName: 'exit-tickets (2).pdf', sha256: sha256(pdf) });

    const [entry] = listAudit(s.db, 1);
    expect(entry).toMatchObject({
      action: 'submission.add',
      subject: added.id,
      details: { achievementId: ach.id, attempt: 1 },
    });
    expect(s.verifyAudit().ok).toBe(true);
  });

  it('numbers the next attempt of the same earner, and guesses media types', async () => {
    const first = await lib.addSubmission({
      achievementId: ach.id,
      earner: { name: 'Sam', email: 'Sam@school.example' },
      responses: [{ sectionId: 'overview', text: 'one' }],
      files: [],
    });
    const second = await lib.addSubmission({
      achievementId: ach.id,
      earner: { name: 'Sam', email: 'sam@school.example', organization: '' },
      files: [
        { path: file('clip.MOV', 'video'), sectionId: 'work-examples', name: 'Clip' },
        { path: file('data.bin', 'x'), sectionId: 'work-examples', name: 'Data' },
      ],
    });
    expect([first.attempt, second.attempt]).toEqual([1, 2]);
    expect(second.artifacts.map((a) => a.mediaType)).toEqual(['video/quicktime', 'application/octet-stream']);
    const noEmail = await lib.addSubmission({
      achievementId: ach.id,
      earner: { name: 'Sam' },
      responses: [{ sectionId: 'overview', text: 'x' }],
    });
    expect(noEmail.attempt).toBe(1);
  });

  it('a missing file refuses the whole submission: no row, no file, nothing staged', async () => {
    const before = snapshot(s);
    const good = file('good.pdf', '%PDF good');
    const err = await refusal(
      lib.addSubmission({
        achievementId: ach.id,
        earner: { name: 'Ada' },
        files: [
          { path: good, sectionId: 'work-examples', name: 'Good' },
          { path: path.join(work, 'dropped', 'gone.pdf'), sectionId: 'work-examples', name: 'Gone' },
        ],
      }),
    );
    expect(err.code).toBe('invalid-submission');
    expect(err.problems).toEqual([
      { path: 'files[1].path', message: expect.stringMatching(/gone\.pdf" does not exist .*choose the file again$/) },
    ]);
    expect(snapshot(s)).toEqual(before);
    expect(s.evidence.has(sha256('%PDF good'))).toBe(false);
  });

  it('a folder is not a file', async () => {
    const dir = path.join(work, 'dropped', 'a-folder');
    fs.mkdirSync(dir, { recursive: true });
    const err = await refusal(
      lib.addSubmission({
        achievementId: ach.id,
        earner: { name: 'Ada' },
        files: [{ path: dir, sectionId: 'work-examples', name: 'Folder' }],
      }),
    );
    expect(err.problems[0]).toMatchObject({ path: 'files[0].path', message: expect.stringContaining('not a file') });
  });

  it('a file that fails while being copied rolls back what was already staged', async () => {
    const before = snapshot(s);
    const good = file('good.pdf', '%PDF good');
    const bad = file('bad.pdf', '%PDF bad');
    const real = fs.promises.copyFile;
    const spy = vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (from, to, mode) => {
      if (String(from) === bad) throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
      return real(from, to, mode);
    });
    try {
      const err = await refusal(
        lib.addSubmission({
          achievementId: ach.id,
          earner: { name: 'Ada' },
          files: [
            { path: good, sectionId: 'work-examples', name: 'Good' },
            { path: bad, sectionId: 'work-examples', name: 'Bad' },
          ],
        }),
      );
      expect(err.code).toBe('evidence');
      expect(err.problems).toEqual([
        { path: 'files[1].path', message: expect.stringContaining('could not be stored: EIO') },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect(snapshot(s)).toEqual(before);
  });

  it('refuses an unknown achievement or section, a bad email, and an empty submission, by path', async () => {
    const base = { achievementId: ach.id, earner: { name: 'Ada' }, responses: [{ sectionId: 'overview', text: 'x' }] };
    expect((await refusal(lib.addSubmission({ ...base, achievementId: 'urn:x:none' }))).problems).toEqual([
      { path: 'achievementId', message: expect.stringContaining('"urn:x:none"') },
    ]);
    expect(
      (await refusal(lib.addSubmission({ ...base, responses: [{ sectionId: 'portfolio', text: 'x' }] }))).problems,
    ).toEqual([{ path: 'responses[0].sectionId', message: expect.stringContaining('names section "portfolio"') }]);
    expect(
      (await refusal(lib.addSubmission({ ...base, earner: { name: 'Ada', email: 'not-an-email' } }))).problems,
    ).toEqual([{ path: 'earner.email', message: expect.stringContaining('email address') }]);
    expect((await refusal(lib.addSubmission({ ...base, earner: { name: ' ' } }))).problems[0]).toMatchObject({
      path: 'earner.name',
    });
    expect(
      (await refusal(lib.addSubmission({ ...base, responses: [{ sectionId: 'overview', text: '  ' }] }))).problems,
    ).toEqual([{ path: '(the submission)', message: 'has no response, file or link; add at least one' }]);
    expect(
      (
        await refusal(
          lib.addSubmission({ ...base, files: [{ path: 'relative.pdf', sectionId: 'overview', name: 'R' }] }),
        )
      ).problems[0],
    ).toMatchObject({ path: 'files[0].path' });
    expect(
      (
        await refusal(
          lib.addSubmission({ ...base, links: [{ url: 'ftp://x.example/y', sectionId: 'overview', name: 'L' }] }),
        )
      ).problems[0],
    ).toMatchObject({ path: 'links[0].url' });
    expect(s.db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(0);
  });
});
