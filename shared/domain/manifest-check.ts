// The rules of a review package that a schema cannot say: unique ids and references that resolve.
import { isFileArtifact, type Manifest } from '../schemas/review-package.js';
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
  m.submissions.forEach((s, si) => {
    const sp = `submissions[${si}]`;
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
  });

  // One path must name one content: two artifacts naming the same file must agree on it.
  const files = new Map<string, { sha256: string; size: number; path: string }>();
  m.submissions.forEach((s, si) =>
    s.artifacts.forEach((art, ri) => {
      if (!isFileArtifact(art)) return;
      const path = `submissions[${si}].artifacts[${ri}]`;
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
