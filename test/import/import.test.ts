import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/import/errors.js';
import { openServices, type Services } from '../../electron/services.js';
import {
  ACH,
  achievement,
  manifest,
  sha256,
  submission,
  tempDir,
  writePackage,
  writeValidPackage,
  writeZip,
  zipFolder,
  type Json,
} from '../support/package-builder.js';
import { orphanReport, snapshot } from '../support/store-snapshot.js';

let services: Services;
let work: string;

beforeEach(() => {
  work = tempDir();
  services = openServices(path.join(work, 'data'));
});
afterEach(() => {
  services.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function refused(input: string): Promise<ImportError> {
  const before = snapshot(services);
  const err = await services.importPackage(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  // A refused package writes nothing: no row, no file.
  expect(snapshot(services)).toEqual(before);
  return err as ImportError;
}

function pkg(mutate: (m: Json & { submissions: Json[]; achievements: Json[] }) => void, name = 'pkg'): string {
  const dir = path.join(work, name);
  const { manifest: m, files } = writeValidPackage(dir, 2);
  mutate(m as Json & { submissions: Json[]; achievements: Json[] });
  writePackage(dir, m, files);
  return dir;
}

const ach0 = (m: { achievements: Json[] }) =>
  m.achievements[0] as Json & { resultDescription: (Json & { rubricCriterionLevel: Json[] })[]; sections: Json[] };
const sub = (m: { submissions: Json[] }, i: number) => m.submissions[i] as Json & { artifacts: Json[]; earner: Json };

describe('import of a valid package', () => {
  it('imports a folder: rows, evidence files by hash, an audit entry, a summary', async () => {
    const dir = path.join(work, 'ok');
    const { files } = writeValidPackage(dir, 3);
    const r = await services.importPackage(dir);
    expect(r).toMatchObject({ status: 'imported', submissionsAdded: 3, achievementsAdded: 1, filesStored: 3 });
    for (const f of files) expect(fs.readFileSync(services.evidence.pathOf(sha256(f.content)))).toEqual(f.content);
    expect(services.queue.list().total).toBe(3);
    expect(services.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
    expect(orphanReport(services)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
  });

  it('imports a zip, also one whose files sit inside a single top folder', async () => {
    const dir = path.join(work, 'ok');
    writeValidPackage(dir, 2);
    const zip = path.join(work, 'ok.zip');
    await zipFolder(dir, zip, 'review-package/');
    expect(await services.importPackage(zip)).toMatchObject({ status: 'imported', submissionsAdded: 2 });
  });

  it('importing the same package again changes nothing and says so', async () => {
    const dir = path.join(work, 'ok');
    writeValidPackage(dir, 2);
    await services.importPackage(dir);
    const before = snapshot(services);
    const again = await services.importPackage(dir);
    expect(again.status).toBe('unchanged');
    expect(snapshot(services)).toEqual(before);
  });

  it('keeps unknown fields and reports progress', async () => {
    const dir = pkg((m) => {
      m.futureField = { anything: true };
      sub(m, 0).futureSubmissionField = 1;
    });
    const phases = new Set<string>();
    await services.importPackage(dir, { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['reading', 'verifying', 'saving', 'done']);
    const json = services.db.prepare('SELECT json FROM submissions ORDER BY seq LIMIT 1').pluck().get() as string;
    expect(JSON.parse(json).futureSubmissionField).toBe(1);
  });

  it('a new rubric under the same achievement id is a new version; earlier submissions stay pinned', async () => {
    await services.importPackage(pkg(() => {}, 'v1'));
    const dir2 = pkg((m) => {
      m.id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
      ach0(m).passingPoints = 3;
      m.submissions = [submission(10, undefined)];
    }, 'v2');
    expect(await services.importPackage(dir2)).toMatchObject({ achievementsAdded: 1, submissionsAdded: 1 });
    const pins = services.db
      .prepare(
        'SELECT s.id, a.json FROM submissions s JOIN achievement_versions a ON a.version_id = s.achievement_version_id ORDER BY s.seq',
      )
      .all() as { id: string; json: string }[];
    expect(pins.map((p) => JSON.parse(p.json).passingPoints)).toEqual([4, 4, 3]);
    expect(
      services.db.prepare('SELECT count(*) FROM achievement_versions WHERE achievement_id = ?').pluck().get(ACH),
    ).toBe(2);
  });
});

describe('every refusal of the spec names the package and the place at fault', () => {
  it('a manifest that is not JSON', async () => {
    const dir = path.join(work, 'bad');
    writePackage(dir, '{ "format": ', []);
    const e = await refused(dir);
    expect(e.reason).toBe('manifest-not-json');
    expect(e.message).toMatch(/^Package "bad" was refused: manifest\.json: is not valid JSON/);
  });

  it('a folder without manifest.json', async () => {
    fs.mkdirSync(path.join(work, 'empty'));
    expect((await refused(path.join(work, 'empty'))).reason).toBe('not-a-package');
  });

  it('an unknown format and a formatVersion other than 1', async () => {
    expect((await refused(pkg((m) => (m.format = 'something-else'), 'f1'))).message).toMatch(
      /format: must be "microcredential-review-package"/,
    );
    const e = await refused(pkg((m) => (m.formatVersion = 2), 'f2'));
    expect(e.reason).toBe('unsupported-format');
    expect(e.message).toMatch(/formatVersion: is 2; this version of Assay reads format version 1 only/);
  });

  it('a manifest that breaks the shape, with the JSON path', async () => {
    const e = await refused(pkg((m) => delete sub(m, 1).earner.name));
    expect(e.where).toBe('submissions[1].earner.name');
    expect((await refused(pkg((m) => (sub(m, 0).submittedAt = 'yesterday'), 'p2'))).where).toBe(
      'submissions[0].submittedAt',
    );
    expect(
      (await refused(pkg((m) => (ach0(m).resultDescription[0]!.rubricCriterionLevel[0]!.points = -1), 'p3'))).where,
    ).toBe('achievements[0].resultDescription[0].rubricCriterionLevel[0].points');
  });

  it('an artifact with both file and url, or neither', async () => {
    expect(
      (await refused(pkg((m) => (sub(m, 0).artifacts[0]!.url = 'https://video.example.org/v/1'), 'b'))).message,
    ).toMatch(/artifacts\[0\]: has both "file" and "url"/);
    expect((await refused(pkg((m) => delete sub(m, 0).artifacts[0]!.file, 'n'))).message).toMatch(
      /has neither "file" nor "url"/,
    );
  });

  it.each([
    [
      'achievement',
      (m: Json & { achievements: Json[]; submissions: Json[] }) => m.achievements.push(achievement()),
      'achievements[1].id',
    ],
    [
      'submission',
      (m: Json & { achievements: Json[]; submissions: Json[] }) => (sub(m, 1).id = sub(m, 0).id),
      'submissions[1].id',
    ],
    [
      'criterion',
      (m: Json & { achievements: Json[]; submissions: Json[] }) =>
        (ach0(m).resultDescription[1]!.id = ach0(m).resultDescription[0]!.id),
      'achievements[0].resultDescription[1].id',
    ],
    [
      'level',
      (m: Json & { achievements: Json[]; submissions: Json[] }) =>
        (ach0(m).resultDescription[0]!.rubricCriterionLevel[1]!.id =
          ach0(m).resultDescription[0]!.rubricCriterionLevel[0]!.id),
      'achievements[0].resultDescription[0].rubricCriterionLevel[1].id',
    ],
    [
      'section',
      (m: Json & { achievements: Json[]; submissions: Json[] }) => (ach0(m).sections[1]!.id = 'overview'),
      'achievements[0].sections[1].id',
    ],
    [
      'artifact',
      (m: Json & { achievements: Json[]; submissions: Json[] }) =>
        sub(m, 0).artifacts.push({
          id: 'a1',
          sectionId: 'artifacts',
          name: 'Video',
          url: 'https://video.example.org/v/2',
        }),
      'submissions[0].artifacts[1].id',
    ],
  ])('a duplicate %s id', async (what, mutate, where) => {
    const e = await refused(pkg(mutate));
    expect(e.reason).toBe('reference');
    expect(e.where).toBe(where);
    expect(e.message).toContain(`duplicate ${what} id`);
  });

  it('a submission naming an unknown achievement, section or criterion', async () => {
    expect((await refused(pkg((m) => (sub(m, 0).achievementId = 'https://nowhere.example/a'), 'a'))).where).toBe(
      'submissions[0].achievementId',
    );
    expect((await refused(pkg((m) => (sub(m, 0).artifacts[0]!.sectionId = 'appendix'), 'b'))).where).toBe(
      'submissions[0].artifacts[0].sectionId',
    );
    expect((await refused(pkg((m) => ((sub(m, 0).responses as Json[])[0]!.sectionId = 'appendix'), 'c'))).where).toBe(
      'submissions[0].responses[0].sectionId',
    );
    const prev = (criterion: string, level: string) => (m: Json & { submissions: Json[] }) => {
      Object.assign(sub(m, 0), {
        attempt: 2,
        previousReviews: [
          {
            attempt: 1,
            decision: 'not-yet',
            reviewedAt: '2026-10-01T10:00:00Z',
            feedback: 'x',
            results: [{ resultDescription: criterion, achievedLevel: level }],
          },
        ],
      });
    };
    const e = await refused(pkg(prev(`${ACH}#nope`, `${ACH}#inquiry-1`), 'd'));
    expect(e.where).toBe('submissions[0].previousReviews[0].results[0].resultDescription');
    const e2 = await refused(pkg(prev(`${ACH}#inquiry`, `${ACH}#evidence-1`), 'e'));
    expect(e2.where).toBe('submissions[0].previousReviews[0].results[0].achievedLevel');
    expect(e2.message).toContain('is not one of the levels of criterion');
  });

  it('a requiredLevel that is not one of the criterion levels', async () => {
    const e = await refused(pkg((m) => (ach0(m).resultDescription[0]!.requiredLevel = `${ACH}#evidence-3`)));
    expect(e.where).toBe('achievements[0].resultDescription[0].requiredLevel');
  });

  it('an achievement whose rubric has no pass rule (no requiredLevel on any criterion, no passingPoints), with its JSON path', async () => {
    const ruleless = (m: { achievements: Json[] }) => {
      delete ach0(m).passingPoints;
      for (const c of ach0(m).resultDescription) delete c.requiredLevel;
    };
    const e = await refused(pkg(ruleless));
    expect(e.reason).toBe('no-pass-rule');
    expect(e.where).toBe('achievements[0]');
    expect(e.message).toBe(
      'Package "pkg" (urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a10) was refused: achievements[0]: Rubric "Core STEM Teaching Practices" has no pass rule: ' +
        'set a required level on at least one criterion or passing points. Without either, every scored submission would pass; ask the issuing body for a package whose rubric has one',
    );
    // Either rule on its own is one (format 1 makes each optional): such packages import.
    expect(
      await services.importPackage(pkg((m) => (ruleless(m), (ach0(m).passingPoints = 3)), 'points-only')),
    ).toMatchObject({ status: 'imported' });
    const oneLevel = pkg((m) => {
      ruleless(m);
      m.id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
      ach0(m).resultDescription[1]!.requiredLevel = `${ACH}#evidence-2`;
      m.submissions = [submission(10, undefined)];
    }, 'one-level');
    expect(await services.importPackage(oneLevel)).toMatchObject({ status: 'imported' });
  });

  it('absolute paths, "..", and backslashes', async () => {
    for (const [i, bad] of ['/etc/passwd', 'evidence/../../secret.pdf', 'C:/x.pdf', 'evidence\\x.pdf'].entries()) {
      const e = await refused(pkg((m) => (sub(m, 0).artifacts[0]!.file = bad), `p${i}`));
      expect(e.where).toBe('submissions[0].artifacts[0].file');
    }
  });

  it('a symbolic link that leads outside the package', async () => {
    const secret = path.join(work, 'secret.pdf');
    fs.writeFileSync(secret, 'private');
    const dir = pkg((m) =>
      Object.assign(sub(m, 0).artifacts[0]!, { file: 'evidence/link.pdf', size: 7, sha256: sha256('private') }),
    );
    fs.symlinkSync(secret, path.join(dir, 'evidence', 'link.pdf'));
    const e = await refused(dir);
    expect(e.reason).toBe('unsafe-path');
    expect(e.message).toContain('evidence/link.pdf: leads outside the package through a symbolic link');
  });

  it('a missing file, a wrong size, a wrong SHA-256', async () => {
    expect((await refused(pkg((m) => (sub(m, 0).artifacts[0]!.file = 'evidence/missing.pdf'), 'a'))).message).toMatch(
      /evidence\/missing\.pdf: the manifest names this file but the package does not contain it/,
    );
    const big = await refused(pkg((m) => (sub(m, 1).artifacts[0]!.size = 3), 'b'));
    expect(big.reason).toBe('size-mismatch');
    expect(big.where).toBe('evidence/s1/lesson-plan.pdf');
    const e = await refused(pkg((m) => (sub(m, 1).artifacts[0]!.sha256 = 'a'.repeat(64)), 'c'));
    expect(e.reason).toBe('hash-mismatch');
    expect(e.message).toContain('evidence/s1/lesson-plan.pdf');
  });

  it('a file changed after the manifest was written (same size, other bytes)', async () => {
    const dir = path.join(work, 'changed');
    writeValidPackage(dir, 2);
    const f = path.join(dir, 'evidence', 's1', 'lesson-plan.pdf');
    const bytes = fs.readFileSync(f);
    bytes[3] = bytes[3]! ^ 1;
    fs.writeFileSync(f, bytes);
    expect((await refused(dir)).reason).toBe('hash-mismatch');
  });

  it('zip entries that would unpack outside the package, and symbolic links in a zip', async () => {
    const dir = path.join(work, 'z');
    writeValidPackage(dir, 1);
    const zip = path.join(work, 'slip.zip');
    await zipFolder(dir, zip);
    // yazl refuses to write "../" names, so patch the name in place (same length) as an attacker would.
    const bytes = fs.readFileSync(zip);
    const patched = Buffer.from(bytes.toString('latin1').replaceAll('evidence/s0/', '../../../s0/'), 'latin1');
    fs.writeFileSync(zip, patched);
    expect((await refused(zip)).reason).toBe('unsafe-path');

    const link = path.join(work, 'link.zip');
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Json;
    await writeZip(link, [
      { name: 'manifest.json', content: Buffer.from(JSON.stringify(m)) },
      { name: 'evidence/s0/lesson-plan.pdf', content: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    const e = await refused(link);
    expect(e.message).toContain('evidence/s0/lesson-plan.pdf: is a symbolic link inside the .zip');
  });

  it('a zip bomb: an entry compressed far beyond the documented ratio', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const m = manifest({ submissions: [submission(0, { path: 'evidence/zeros.pdf', content: zeros })] });
    const zip = path.join(work, 'bomb.zip');
    await writeZip(zip, [
      { name: 'manifest.json', content: Buffer.from(JSON.stringify(m)) },
      { name: 'evidence/zeros.pdf', content: zeros },
    ]);
    const e = await refused(zip);
    expect(e.reason).toBe('zip-limits');
    expect(e.message).toMatch(/evidence\/zeros\.pdf: is compressed more than 200 to 1/);
  });

  it('a zip declaring more than the total limit, and a manifest over its limit', async () => {
    const dir = path.join(work, 'ok');
    writeValidPackage(dir, 2);
    const zip = path.join(work, 'ok.zip');
    await zipFolder(dir, zip);
    const e = await services
      .importPackage(zip, { limits: { zipTotalUncompressedBytes: 100 } })
      .catch((x: unknown) => x);
    expect((e as ImportError).reason).toBe('zip-limits');
    const e2 = await services.importPackage(dir, { limits: { manifestBytes: 100 } }).catch((x: unknown) => x);
    expect((e2 as ImportError).reason).toBe('manifest-too-large');
    expect(snapshot(services).packages).toBe(0);
  });

  it('a file that is not a package at all', async () => {
    const f = path.join(work, 'notes.txt');
    fs.writeFileSync(f, 'hello');
    expect((await refused(f)).reason).toBe('zip-invalid');
    expect((await refused(path.join(work, 'nope'))).reason).toBe('not-a-package');
  });

  it('a changed package under an id already imported, and a changed submission under an id already imported', async () => {
    await services.importPackage(pkg(() => {}, 'first'));
    const e = await refused(pkg((m) => (sub(m, 0).attempt = 3), 'changed'));
    expect(e.reason).toBe('conflict');
    const e2 = await refused(
      pkg((m) => {
        m.id = 'urn:uuid:99999999-2222-4333-8444-555555555555';
        sub(m, 0).dueAt = '2027-01-01T00:00:00Z';
      }, 'other'),
    );
    expect(e2.message).toMatch(/submissions\[0\]\.id: submission ".*" was already imported from package/);
  });
});

describe('re-delivery across packages', () => {
  it('a new package repeating an identical submission skips it and shares stored evidence', async () => {
    await services.importPackage(pkg(() => {}, 'first'));
    const r = await services.importPackage(
      pkg((m) => {
        m.id = 'urn:uuid:99999999-2222-4333-8444-555555555555';
        m.submissions.push(
          submission(7, { path: 'evidence/s0/lesson-plan.pdf', content: Buffer.from('%PDF-1.7 lesson plan 0\n') }),
        );
      }, 'second'),
    );
    expect(r).toMatchObject({ submissionsAdded: 1, submissionsUnchanged: 2, filesStored: 0 });
    expect(orphanReport(services)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
  });
});
