// The comment bank: reusable comments per achievement or criterion, with updates offered to drafts.
import { AssayError } from '../../shared/errors.js';
import { z } from 'zod';
import { criterionCommentSchema, type BankEntry } from '../../shared/domain/review.js';
import type { Db } from '../store/db.js';

const SELECT =
  'SELECT id, achievement_id AS achievementId, criterion_id AS criterionId, text, updated_at AS updatedAt FROM comment_bank';

export class CommentBank {
  constructor(private readonly db: Db) {}

  /** Entries for an achievement: those for the whole achievement and those for each criterion. */
  list(achievementId: string): BankEntry[] {
    return this.db
      .prepare(`${SELECT} WHERE achievement_id = ? ORDER BY criterion_id IS NOT NULL, criterion_id, text`)
      .all(achievementId) as BankEntry[];
  }

  add(achievementId: string, criterionId: string | null, text: string, now = new Date()): BankEntry {
    const clean = text.trim();
    if (!clean) throw new AssayError('invalid-input', 'A saved comment needs some text.');
    const at = now.toISOString();
    const id = Number(
      this.db
        .prepare(
          'INSERT INTO comment_bank (achievement_id, criterion_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(achievementId, criterionId, clean, at, at).lastInsertRowid,
    );
    return this.get(id);
  }

  get(id: number): BankEntry {
    const e = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as BankEntry | undefined;
    if (!e) throw new AssayError('not-found', `There is no saved comment ${id}.`);
    return e;
  }

  /** Submission ids of draft reviews (never submitted ones) whose comments used this entry. */
  draftsUsing(id: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, r.comments_json AS comments FROM reviews r JOIN submissions s ON s.seq = r.submission_seq WHERE r.state = 'draft'`,
      )
      .all() as { id: string; comments: string }[];
    return rows
      .filter((r) => Object.values(parseComments(r.comments)).some((c) => c.bankIds.includes(id)))
      .map((r) => r.id);
  }

  /**
   * Changes an entry's text. With `updateDrafts`, every draft that inserted it gets the new text in
   * place of the old; submitted reviews never change. Returns the drafts updated.
   */
  update(
    id: number,
    text: string,
    updateDrafts: boolean,
    now = new Date(),
  ): { entry: BankEntry; draftsUpdated: string[] } {
    const clean = text.trim();
    if (!clean) throw new AssayError('invalid-input', 'A saved comment needs some text.');
    return this.db
      .transaction(() => {
        const before = this.get(id);
        const at = now.toISOString();
        this.db.prepare('UPDATE comment_bank SET text = ?, updated_at = ? WHERE id = ?').run(clean, at, id);
        const updated: string[] = [];
        if (updateDrafts) {
          const rows = this.db
            .prepare(
              `SELECT r.submission_seq AS seq, s.id, r.comments_json AS comments FROM reviews r JOIN submissions s ON s.seq = r.submission_seq WHERE r.state = 'draft'`,
            )
            .all() as { seq: number; id: string; comments: string }[];
          for (const row of rows) {
            const comments = parseComments(row.comments);
            let changed = false;
            for (const c of Object.values(comments)) {
              if (c.bankIds.includes(id) && c.text.includes(before.text)) {
                c.text = c.text.split(before.text).join(clean);
                changed = true;
              }
            }
            if (changed) {
              this.db
                .prepare(
                  "UPDATE reviews SET comments_json = ?, updated_at = ? WHERE submission_seq = ? AND state = 'draft'",
                )
                .run(JSON.stringify(comments), at, row.seq);
              updated.push(row.id);
            }
          }
        }
        return { entry: this.get(id), draftsUpdated: updated };
      })
      .immediate();
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM comment_bank WHERE id = ?').run(id);
  }
}

function parseComments(json: string): Record<string, z.infer<typeof criterionCommentSchema>> {
  return z.record(z.string(), criterionCommentSchema).parse(JSON.parse(json));
}
