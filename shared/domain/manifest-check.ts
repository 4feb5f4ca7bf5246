// The rules of a review package that a schema cannot say: unique ids and references that resolve.
import { isFileArtifact, type Manifest, type QaSample, type Submission } from '../schemas/review-package.js';
import { hasPassRule, noPassRuleMessage } from './pass-rule.js';

export interface ManifestProblem {
  /** JSON path inside manifest.json, e.g. `submissions[2].artifacts[0].sectionId`. */
  path: string;
  message: string;
}

/** Returns every referential problem in a manifest that already has the right shape. */
export function checkManifestReferences(m: Manifest): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const dup = (seen: Map<string, string>, id: string, path: string, what: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path, message: `duplicate ${what} id "${id}" (first used at ${first})` });
    else seen.set(id, path);
  };

  const achievements = new Map<string, Manifest['achievements'][number]>();
  const achievementIds = new Map<string, string>();
  const criterionIds = new Map<string, string>();
  m.achievements.forEach((a, ai) => {
    const ap = `achievements[${ai}]`;
    dup(achievementIds, a.id, `${ap}.id`, 'achievement');
    achievements.set(a.id, a);
    const sectionIds = new Map<string, string>();
    a.sections.forEach((s, si) => dup(sectionIds, s.id, `${ap}.sections[${si}].id`, 'section'));
    a.resultDescription.forEach((c, ci) => {
      const cp = `${ap}.resultDescription[${ci}]`;
      dup(criterionIds, c.id, `${cp}.id`, 'criterion');
      if (c.sectionId !== undefined && !sectionIds.has(c.sectionId)) {
        problems.push({
          path: `${cp}.sectionId`,
          message: `names section "${c.sectionId}", which achievement "${a.id}" does not have`,
        });
      }
      const levelIds = new Map<string, string>();
      c.rubricCriterionLevel.forEach((l, li) => dup(levelIds, l.id, `${cp}.rubricCriterionLevel[${li}].id`, 'level'));
      if (c.requiredLevel !== undefined && !levelIds.has(c.requiredLevel)) {
        problems.push({
          path: `${cp}.requiredLevel`,
          message: `"${c.requiredLevel}" is not one of the levels of criterion "${c.id}"`,
        });
      }
    });
  });

  const submissionIds = new Map<string, string>();
  const checkSubmission = (s: Submission, sp: string) => {
    dup(submissionIds, s.id, `${sp}.id`, 'submission');
    const a = achievements.get(s.achievementId);
    if (!a) {
      problems.push({
        path: `${sp}.achievementId`,
        message: `names achievement "${s.achievementId}", which the package does not contain`,
      });
      return;
    }
    const sections = new Set(a.sections.map((x) => x.id));
    const checkSection = (sectionId: string, path: string) => {
      if (!sections.has(sectionId))
        problems.push({ path, message: `names section "${sectionId}", which achievement "${a.id}" does not have` });
    };
    s.responses?.forEach((r, ri) => checkSection(r.sectionId, `${sp}.responses[${ri}].sectionId`));
    const artifactIds = new Map<string, string>();
    s.artifacts.forEach((art, ri) => {
      dup(artifactIds, art.id, `${sp}.artifacts[${ri}].id`, 'artifact');
      checkSection(art.sectionId, `${sp}.artifacts[${ri}].sectionId`);
    });
    const criteria = new Map(a.resultDescription.map((c) => [c.id, c]));
    s.previousReviews?.forEach((pr, pi) => {
      if (pr.attempt >= s.attempt) {
        problems.push({
          path: `${sp}.previousReviews[${pi}].attempt`,
          message: `attempt ${pr.attempt} is not earlier than this submission's attempt ${s.attempt}`,
        });
      }
      pr.results.forEach((r, ri) => {
        const rp = `${sp}.previousReviews[${pi}].results[${ri}]`;
        const c = criteria.get(r.resultDescription);
        if (!c) {
          problems.push({
            path: `${rp}.resultDescription`,
            message: `names criterion "${r.resultDescription}", which achievement "${a.id}" does not have`,
          });
          return;
        }
        if (!c.rubricCriterionLevel.some((l) => l.id === r.achievedLevel)) {
          problems.push({
            path: `${rp}.achievedLevel`,
            message: `"${r.achievedLevel}" is not one of the levels of criterion "${c.id}"`,
          });
        }
      });
    });
  };
  m.submissions.forEach((s, si) => checkSubmission(s, `submissions[${si}]`));

  /** One level per criterion of the achievement, every criterion once, levels that exist. */
  const checkScores = (
    achievementId: string,
    results: readonly { resultDescription: string; achievedLevel: string }[],
    path: string,
  ) => {
    const a = achievements.get(achievementId);
    if (!a) return;
    const criteria = new Map(a.resultDescription.map((c) => [c.id, c]));
    const seen = new Set<string>();
    results.forEach((r, ri) => {
      const rp = `${path}.results[${ri}]`;
      const c = criteria.get(r.resultDescription);
      if (!c) {
        problems.push({
          path: `${rp}.resultDescription`,
          message: `names criterion "${r.resultDescription}", which achievement "${a.id}" does not have`,
        });
        return;
      }
      if (seen.has(c.id))
        problems.push({ path: `${rp}.resultDescription`, message: `scores criterion "${c.id}" twice` });
      seen.add(c.id);
      if (!c.rubricCriterionLevel.some((l) => l.id === r.achievedLevel))
        problems.push({
          path: `${rp}.achievedLevel`,
          message: `"${r.achievedLevel}" is not one of the levels of criterion "${c.id}"`,
        });
    });
    const missing = a.resultDescription.filter((c) => !seen.has(c.id));
    if (missing.length > 0)
      problems.push({
        path: `${path}.results`,
        message: `gives no level for criterion ${missing.map((c) => `"${c.id}"`).join(', ')}; a definitive score covers every criterion`,
      });
  };
  const checkSamples = (samples: readonly QaSample[] | undefined, where: string) =>
    samples?.forEach((s, si) => {
      const sp = `${where}.samples[${si}]`;
      // A sample shares the id space of live submissions: reusing a live id would mix practice into live work.
      checkSubmission(s, sp);
      checkScores(s.achievementId, s.definitive.results, `${sp}.definitive`);
    });
  checkSamples(m.calibration?.samples, 'calibration');
  checkSamples(m.seeds?.samples, 'seeds');

  if (m.seeds) {
    const most = Math.ceil(m.submissions.length / m.seeds.every);
    if (m.seeds.samples.length > most)
      problems.push({
        path: 'seeds.samples',
        message: `lists ${m.seeds.samples.length} seeds for ${m.submissions.length} live submissions; one per ${m.seeds.every} allows at most ${most}, and more would stand out in the queue`,
      });
  }

  const sr = m.secondReading;
  if (sr) {
    const live = new Map(m.submissions.map((s) => [s.id, s]));
    const named = new Map<string, string>();
    sr.submissions.forEach((id, i) => {
      const path = `secondReading.submissions[${i}]`;
      const first = named.get(id);
      if (first !== undefined) problems.push({ path, message: `names submission "${id}" twice (first at ${first})` });
      else named.set(id, path);
      if (!live.has(id))
        problems.push({ path, message: `names submission "${id}", which is not one of the package's submissions` });
    });
    const read = new Set<string>();
    sr.firstReadings?.forEach((f, i) => {
      const path = `secondReading.firstReadings[${i}]`;
      const s = live.get(f.submissionId);
      if (!named.has(f.submissionId) || !s) {
        problems.push({
          path: `${path}.submissionId`,
          message: `names submission "${f.submissionId}", which secondReading.submissions does not list`,
        });
        return;
      }
      if (read.has(f.submissionId))
        problems.push({ path: `${path}.submissionId`, message: `gives a second first reading of "${f.submissionId}"` });
      read.add(f.submissionId);
      checkScores(s.achievementId, f.results, path);
    });
  }

  // One path must name one content: two artifacts naming the same file must agree on it.
  const files = new Map<string, { sha256: string; size: number; path: string }>();
  const everySubmission: [Submission, string][] = [
    ...m.submissions.map((s, si): [Submission, string] => [s, `submissions[${si}]`]),
    ...(m.calibration?.samples ?? []).map((s, si): [Submission, string] => [s, `calibration.samples[${si}]`]),
    ...(m.seeds?.samples ?? []).map((s, si): [Submission, string] => [s, `seeds.samples[${si}]`]),
  ];
  everySubmission.forEach(([s, sp]) =>
    s.artifacts.forEach((art, ri) => {
      if (!isFileArtifact(art)) return;
      const path = `${sp}.artifacts[${ri}]`;
      const seen = files.get(art.file);
      if (!seen) files.set(art.file, { sha256: art.sha256, size: art.size, path });
      else if (seen.sha256 !== art.sha256 || seen.size !== art.size) {
        problems.push({
          path: `${path}.sha256`,
          message: `file "${art.file}" is also named at ${seen.path} with a different size or SHA-256`,
        });
      }
    }),
  );
  return problems;
}

/**
 * Achievements whose rubric has no pass rule: neither `passingPoints` nor a `requiredLevel` on any
 * criterion. Format 1 makes each field optional, but without either its decision rule passes every
 * scored submission, so Assay refuses such a package rather than import rubrics it cannot decide on.
 */
export function checkManifestPassRules(m: Manifest): ManifestProblem[] {
  return m.achievements.flatMap((a, ai) =>
    hasPassRule(a)
      ? []
      : [
          {
            path: `achievements[${ai}]`,
            message: `${noPassRuleMessage(a.name)}. Without either, every scored submission would pass; ask the issuing body for a package whose rubric has one`,
          },
        ],
  );
}
