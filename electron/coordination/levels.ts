// A decision's levels as the coordination stores them (migration 014): the level index of each criterion in the
// rubric's criterion order ("2,0,1,1"; indexes among the criterion's levels ordered by points) and the reader's
// comments by criterion id (null when none). A round uses one version of each rubric (open.ts refuses another),
// so the rubric gives the ids back. Stored as ids in JSON a decision took about 730 bytes of the 1.1 KB of its row,
// and the overview and every export parsed it again.
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import type { Achievement } from '../../shared/schemas/review-package.js';
import type { Db } from '../store/db.js';

/** One criterion's level in a decision: criterion id, level id, index among levels by points, level count. */
export interface StoredLevel {
  c: string;
  l: string;
  i: number;
  n: number;
  comment?: string;
}

/** What a decision row keeps of its levels. */
export interface EncodedLevels {
  levels: string;
  comments: string | null;
}

interface CriterionLevels {
  id: string;
  /** Level ids ordered by points (the index is the stored number). */
  levels: string[];
}

/** Encodes and decodes levels against the round's rubrics. */
export class LevelCodec {
  private readonly rubrics = new Map<string, CriterionLevels[]>();

  constructor(achievements: Iterable<Achievement>) {
    for (const a of achievements)
      this.rubrics.set(
        a.id,
        a.resultDescription.map((c) => ({ id: c.id, levels: orderedLevels(c).map((l) => l.id) })),
      );
  }

  /** The codec of the rubrics stored in a coordination. */
  static of(db: Db): LevelCodec {
    return new LevelCodec(
      (db.prepare('SELECT json FROM coord_achievements').pluck().all() as string[]).map(
        (json) => JSON.parse(json) as Achievement,
      ),
    );
  }

  private criteria(achievementId: string): CriterionLevels[] {
    const criteria = this.rubrics.get(achievementId);
    if (!criteria) throw new Error(`micro-credential "${achievementId}" is not one of this coordination's rubrics`);
    return criteria;
  }

  /** A level for every criterion of the rubric, in its order: anything else is refused, never stored in part. */
  encode(achievementId: string, levels: readonly StoredLevel[]): EncodedLevels {
    const criteria = this.criteria(achievementId);
    if (levels.length !== criteria.length)
      throw new Error(`"${achievementId}" has ${criteria.length} criteria; ${levels.length} levels were given`);
    const comments: Record<string, string> = {};
    for (const [k, l] of levels.entries()) {
      const c = criteria[k]!;
      if (l.c !== c.id || c.levels[l.i] !== l.l || l.n !== c.levels.length)
        throw new Error(`level ${k + 1} of "${achievementId}" (${l.c} ${l.l}) is not criterion ${c.id}'s level ${l.i}`);
      if (l.comment) comments[l.c] = l.comment;
    }
    const commented = Object.keys(comments).length > 0;
    return { levels: levels.map((l) => l.i).join(','), comments: commented ? JSON.stringify(comments) : null };
  }

  decode(achievementId: string, levels: string, comments: string | null): StoredLevel[] {
    const criteria = this.criteria(achievementId);
    const indexes = levels === '' ? [] : levels.split(',');
    if (indexes.length !== criteria.length)
      throw new Error(`stored levels "${levels}" do not fit the ${criteria.length} criteria of "${achievementId}"`);
    const byCriterion = comments === null ? undefined : (JSON.parse(comments) as Record<string, string>);
    return criteria.map((c, k) => {
      const i = Number(indexes[k]);
      const l = c.levels[i];
      if (l === undefined) throw new Error(`stored level ${indexes[k]} is not a level of criterion ${c.id}`);
      const comment = byCriterion?.[c.id];
      return { c: c.id, l, i, n: c.levels.length, ...(comment ? { comment } : {}) };
    });
  }
}
