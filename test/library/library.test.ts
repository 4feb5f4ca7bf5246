// The library against a real store: rubric versions, pinning of reviews begun, and validation by JSON path.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.js';
import { LibraryError } from '../../electron/library/errors.js';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { loadWorkspace } from '../../electron/review/workspace.js';
import { openServices, type Services } from '../../electron/services.js';
import { listAudit } from '../../electron/store/audit.js';
import { ScoringError } from '../../shared/domain/decision.js';
import { achievementSchema, type Achievement } from '../../shared/schemas/review-package.js';
import {
  ACH,
  achievement,
  manifest,
  sha256,
  tempDir,
  writePackage,
  writeValidPackage,
} from '../support/package-builder.js';

let work: string;
let s: Services;
let lib: Library;
let clock: number;

beforeEach(() => {
  work = tempDir();
  s = openServices(path.join(work, 'data'));
  clock = Date.UTC(2026, 10, 20, 9);
  lib = new Library(s.db, s.evidence, () => new Date((clock += 1000)));
});
afterEach(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const clone = (a: Achievement): Achievement => structuredClone(a);

function refusal(fn: () => unknown): LibraryError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LibraryError) return err;
    throw err;
  }
  throw new Error('expected a LibraryError');
}

describe('the template for a new micro-credential', () => {
  it('is a valid achievement: three sections, one criterion with four levels 0-3, Proficient required', () => {
    const t = lib.newAchievementTemplate('  Formative Assessment  ');
    expect(achievementSchema.parse(t)).toEqual(t);
    expect(t.name).toBe('Formative Assessment');
    expect(t.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(t.sections.map((x) => x.name)).toEqual(['Overview questions', 'Work examples', 'Reflection']);
    const [c] = t.resultDescription;
    expect(c!.rubricCriterionLevel.map((l) => [l.name, l.points])).toEqual([
      ['Not yet', 0],
      ['Developing', 1],
      ['Proficient', 2],
      ['Exemplary', 3],
    ]);
    expect(c!.rubricCriterionLevel.find((l) => l.id === c!.requiredLevel)?.name).toBe('Proficient');
    expect(lib.newAchievementTemplate('x').id).not.toBe(t.id);
    expect(lib.saveAchievement(t).status).toBe('created');
  });
});

describe('saving an achievement', () => {
  it('makes a new version only when the content changes, and audits each one', () => {
    const t = lib.newAchievementTemplate('Formative Assessment');
    const v1 = lib.saveAchievement(t);
    expect(v1.status).toBe('created');
    expect(lib.saveAchievement(clone(t))).toMatchObject({ status: 'unchanged', versionId: v1.versionId });
    // Key order is not content.
    const reordered = Object.fromEntries(Object.entries(t).reverse());
    expect(lib.saveAchievement(reordered)).toMatchObject({ status: 'unchanged', versionId: v1.versionId });

    const edited = clone(t);
    edited.resultDescription[0]!.rubricCriterionLevel[1]!.description = 'Some of the time.';
    const v2 = lib.saveAchievement(edited);
    expect(v2.status).toBe('created');
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(lib.getAchievement(t.id)).toMatchObject({
      versionId: v2.versionId,
      latest: true,
      source: 'library',
      packageId: null,
    });
    expect(lib.getAchievement(t.id, v1.versionId).achievement).toEqual(t);
    expect(lib.getAchievement(t.id, v1.versionId).latest).toBe(false);

    // Going back to the first content makes that version the latest again, without a third row.
    expect(lib.saveAchievement(clone(t))).toMatchObject({ status: 'restored', versionId: v1.versionId });
    expect(lib.getAchievement(t.id).versionId).toBe(v1.versionId);
    expect(lib.listVersions(t.id).map((v) => v.versionId)).toEqual([v1.versionId, v2.versionId]);

    const audit = listAudit(s.db)
      .filter((e) => e.action === 'achievement.save')
      .reverse();
    expect(audit.map((e) => e.details)).toEqual([
      { id: t.id, versionId: v1.versionId },
      { id: t.id, versionId: v2.versionId },
      { id: t.id, versionId: v1.versionId, restored: true },
    ]);
    expect(s.verifyAudit().ok).toBe(true);
  });

  it('lists the latest version of each achievement with its source, versions and submissions', async () => {
    const pkg = path.join(work, 'pkg');
    writeValidPackage(pkg, 2);
    await s.importPackage(pkg);
    const t = lib.newAchievementTemplate('Assessment Literacy');
    lib.saveAchievement(t);
    expect(lib.listAchievements()).toEqual([
      {
        id: t.id,
        name: 'Assessment Literacy',
        versionId: expect.any(Number),
        versions: 1,
        source: 'library',
        submissions: 0,
        passRule: true,
        warnings: [],
      },
      {
        id: ACH,
        name: 'Core STEM Teaching Practices',
        versionId: expect.any(Number),
        versions: 1,
        source: 'package',
        submissions: 2,
        passRule: true,
        warnings: [],
      },
    ]);
    // The importer and the library address content alike: saving a package's rubric as it is changes nothing.
    const imported = lib.getAchievement(ACH);
    expect(lib.saveAchievement(imported.achievement)).toMatchObject({
      status: 'unchanged',
      versionId: imported.versionId,
    });
    const edited = clone(imported.achievement);
    edited.name = 'Core STEM Teaching Practices (2027)';
    lib.saveAchievement(edited);
    expect(lib.listAchievements()[1]).toMatchObject({
      id: ACH,
      name: 'Core STEM Teaching Practices (2027)',
      versions: 2,
      source: 'library',
      submissions: 2,
    });
  });

  it('a rubric without a pass rule saves, but the save and the listing name what is missing; adding a rule clears it', () => {
    const t = lib.newAchievementTemplate('Reading Workshop');
    delete t.resultDescription[0]!.requiredLevel;
    const missing =
      'Rubric "Reading Workshop" has no pass rule: set a required level on at least one criterion or passing points';
    expect(lib.saveAchievement(t)).toMatchObject({ status: 'created', warnings: [missing] });
    expect(lib.listAchievements()).toEqual([
      expect.objectContaining({ id: t.id, passRule: false, warnings: [missing] }),
    ]);
    // Saving the same content again still says so.
    expect(lib.saveAchievement(clone(t))).toMatchObject({ status: 'unchanged', warnings: [missing] });
    const fixed = clone(t);
    fixed.passingPoints = 2;
    expect(lib.saveAchievement(fixed)).toMatchObject({ status: 'created', warnings: [] });
    expect(lib.listAchievements()).toEqual([expect.objectContaining({ id: t.id, passRule: true, warnings: [] })]);
  });

  it('a review of a rubric without a pass rule can be scored but never submitted with a decision', async () => {
    const t = lib.newAchievementTemplate('Reading Workshop');
    delete t.resultDescription[0]!.requiredLevel;
    lib.saveAchievement(t);
    const file = path.join(work, 'plan.txt');
    fs.writeFileSync(file, 'plan');
    const added = await lib.addSubmission({
      achievementId: t.id,
      earner: { name: 'Ada Byron' },
      responses: [],
      files: [{ path: file, sectionId: 'work-examples', name: 'Plan' }],
    });
    const c = t.resultDescription[0]!;
    const lowest = {
      submissionId: added.id,
      scores: { [c.id]: c.rubricCriterionLevel[0]!.id },
      comments: {},
      feedback: '',
      activeMs: 10,
    };
    expect(saveDraft(s.db, { ...lowest, override: null }).computed).toMatchObject({ kind: 'no-pass-rule', points: 0 });
    expect(() => submitReview(s.db, added.id)).toThrow(
      /^Rubric "Reading Workshop" has no pass rule: set a required level on at least one criterion or passing points; no decision can be recorded/,
    );
    // Not even an override with a justification decides it.
    saveDraft(s.db, { ...lowest, override: { decision: 'pass', justification: 'The plan is fine.' } });
    expect(() => submitReview(s.db, added.id)).toThrow(ScoringError);
    expect(loadWorkspace(s.db, added.id, false)).toMatchObject({
      submission: { status: 'in-progress' },
      review: { state: 'draft', decision: null },
    });
    expect(listAudit(s.db).some((e) => e.action === 'review.submit')).toBe(false);
  });

  it('keeps a review already begun pinned to its version; new submissions take the latest', async () => {
    const pkg = path.join(work, 'pkg');
    writeValidPackage(pkg, 2);
    await s.importPackage(pkg);
    const [first] = s.queue.list({ sort: 'submitted' }).items;
    const before = loadWorkspace(s.db, first!.id, false);
    const criterion = before.achievement.resultDescription[0]!;
    saveDraft(s.db, {
      submissionId: first!.id,
      scores: { [criterion.id]: criterion.rubricCriterionLevel[2]!.id },
      comments: {},
      feedback: '',
      override: null,
      activeMs: 10,
    });

    const edited = clone(lib.getAchievement(ACH).achievement);
    edited.resultDescription[0]!.name = 'Designs and runs an inquiry-based lesson';
    edited.resultDescription[0]!.rubricCriterionLevel.push({
      id: `${criterion.id}-4`,
      name: 'Exemplary',
      level: '4',
      points: 3,
    });
    const saved = lib.saveAchievement(edited);
    expect(saved.versionId).not.toBe(before.achievement.versionId);

    const after = loadWorkspace(s.db, first!.id, false);
    expect(after.review?.achievementVersionId).toBe(before.achievement.versionId);
    expect(after.achievement.versionId).toBe(before.achievement.versionId);
    expect(after.achievement.resultDescription[0]!.name).toBe(criterion.name);
    // Scoring the old rubric still works; a level only the new version has is refused.
    saveDraft(s.db, {
      submissionId: first!.id,
      scores: { [criterion.id]: criterion.rubricCriterionLevel[1]!.id },
      comments: {},
      feedback: 'x',
      override: null,
      activeMs: 10,
    });
    expect(() =>
      saveDraft(s.db, {
        submissionId: first!.id,
        scores: { [criterion.id]: `${criterion.id}-4` },
        comments: {},
        feedback: 'x',
        override: null,
        activeMs: 10,
      }),
    ).toThrow(/is not one of the levels/);

    const file = path.join(work, 'plan.txt');
    fs.writeFileSync(file, 'plan');
    const added = await lib.addSubmission({
      achievementId: ACH,
      earner: { name: 'Ada Byron' },
      responses: [],
      files: [{ path: file, sectionId: 'artifacts', name: 'Plan' }],
    });
    expect(added.versionId).toBe(saved.versionId);
    expect(loadWorkspace(s.db, added.id, false).achievement.resultDescription[0]!.name).toBe(
      'Designs and runs an inquiry-based lesson',
    );
  });

  it('refuses an image it does not hold, and keeps one a package brought', async () => {
    const t = { ...lib.newAchievementTemplate('With image'), image: 'images/badge.png' };
    expect(refusal(() => lib.saveAchievement(t)).problems[0]).toMatchObject({ path: 'image' });

    const png = { path: 'images/badge.png', content: Buffer.from('\x89PNG not really') };
    const m = manifest({ achievements: [achievement(ACH, { image: png.path })] });
    writePackage(path.join(work, 'pkg'), m, [png]);
    await s.importPackage(path.join(work, 'pkg'));
    const edited = clone(lib.getAchievement(ACH).achievement);
    edited.description = 'Edited in the library.';
    const { versionId } = lib.saveAchievement(edited);
    const images = s.db
      .prepare('SELECT version_id AS v, image_sha256 AS sha FROM achievement_versions ORDER BY version_id')
      .all();
    expect(images).toEqual([
      { v: versionId - 1, sha: sha256(png.content) },
      { v: versionId, sha: sha256(png.content) },
    ]);
  });
});

describe('validation names each problem by JSON path', () => {
  const base = () => lib.newAchievementTemplate('Checks');
  const problems = (mutate: (a: Achievement) => void) => {
    const a = base();
    mutate(a);
    const err = refusal(() => lib.saveAchievement(a));
    expect(err.code).toBe('invalid-achievement');
    expect(err.message).toMatch(/^This micro-credential cannot be saved: /);
    return err.problems;
  };

  it('shape: a missing name, no criteria, no levels, negative points', () => {
    expect(
      problems((a) => {
        (a as Record<string, unknown>).name = undefined;
      }),
    ).toEqual([{ path: 'name', message: 'is required but missing' }]);
    expect(
      problems((a) => {
        a.resultDescription = [];
      }),
    ).toEqual([{ path: 'resultDescription', message: 'must list at least one criterion' }]);
    expect(
      problems((a) => {
        a.resultDescription[0]!.rubricCriterionLevel = [];
      }),
    ).toEqual([{ path: 'resultDescription[0].rubricCriterionLevel', message: 'must list at least one level' }]);
    expect(
      problems((a) => {
        a.resultDescription[0]!.rubricCriterionLevel[0]!.points = -1;
      }),
    ).toEqual([{ path: 'resultDescription[0].rubricCriterionLevel[0].points', message: 'must not be negative' }]);
  });

  it('duplicate section, criterion and level ids', () => {
    expect(
      problems((a) => {
        a.sections[1]!.id = 'overview';
      }),
    ).toEqual([
      { path: 'sections[1].id', message: 'duplicate section id "overview" (first used at sections[0].id)' },
      // The criterion's section is the one that was renamed away.
      { path: 'resultDescription[0].sectionId', message: expect.stringContaining('names section "work-examples"') },
    ]);
    expect(
      problems((a) => {
        a.resultDescription.push(structuredClone(a.resultDescription[0]!));
      })[0],
    ).toMatchObject({ path: 'resultDescription[1].id', message: expect.stringMatching(/^duplicate criterion id/) });
    expect(
      problems((a) => {
        a.resultDescription[0]!.rubricCriterionLevel[3]!.id = a.resultDescription[0]!.rubricCriterionLevel[0]!.id;
      })[0],
    ).toMatchObject({
      path: 'resultDescription[0].rubricCriterionLevel[3].id',
      message: expect.stringMatching(/^duplicate level id/),
    });
  });

  it('a section or required level that does not exist; passing points out of reach', () => {
    expect(
      problems((a) => {
        a.resultDescription[0]!.sectionId = 'portfolio';
      }),
    ).toEqual([
      { path: 'resultDescription[0].sectionId', message: expect.stringContaining('names section "portfolio"') },
    ]);
    expect(
      problems((a) => {
        a.resultDescription[0]!.requiredLevel = 'urn:x:nowhere';
      }),
    ).toEqual([
      {
        path: 'resultDescription[0].requiredLevel',
        message: expect.stringContaining('"urn:x:nowhere" is not one of the levels'),
      },
    ]);
    expect(
      problems((a) => {
        a.passingPoints = 4;
      }),
    ).toEqual([
      { path: 'passingPoints', message: expect.stringContaining('more than the 3 points the rubric can give') },
    ]);
    const ok = base();
    ok.passingPoints = 3;
    expect(lib.saveAchievement(ok).status).toBe('created');
  });

  it('nothing is written by a refused save', () => {
    const a = base();
    a.passingPoints = 99;
    expect(() => lib.saveAchievement(a)).toThrow(LibraryError);
    expect(s.db.prepare('SELECT count(*) FROM achievement_versions').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});
