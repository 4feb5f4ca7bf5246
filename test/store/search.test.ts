// Full-text search finds any part of a name, in scripts written with and without spaces, in new and migrated stores.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/services.js';
import { migrations } from '../../electron/store/migrations/index.js';
import { foldForSearch, wholeWordsOnly } from '../../shared/domain/text.js';
import Database from 'better-sqlite3';
import { expandedFtsQuery, ftsQuery, Queue } from '../../electron/queue/queue.js';
import { manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

const NOW = '2026-11-28T12:00:00Z';
const NAMES = ['王小明', '김민준', '山田 太郎', 'やまだ はなこ', 'สมชาย ใจดี', 'Zoë Núñez-Łukasiewicz', 'محمد الأحمد'];
const RESPONSES = [
  '学生们用回收材料制作了光合作用模型。',
  '학생들이 광합성 모형을 만들었습니다.',
  'Ordinary response.',
  'Ordinary response.',
  'Ordinary response.',
  'Ordinary response.',
  'Ordinary response.',
];

let services: Services | undefined;
let work: string | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function store(): Promise<Services> {
  work = tempDir();
  services = openServices(path.join(work, 'data'));
  const subs = NAMES.map((name, i) =>
    submission(i, undefined, {
      earner: { id: `mailto:e${i}@school.example`, name, email: `e${i}@school.example` },
      responses: [{ sectionId: 'overview', text: RESPONSES[i] }],
    }),
  );
  const dir = path.join(work, 'pkg');
  writePackage(dir, manifest({ submissions: subs }), []);
  await services.importPackage(dir);
  return services;
}

const found = (s: Services, search: string, blind = false) =>
  s.queue.list({ now: NOW, search, blind }).items.map((i) => i.earnerName ?? i.id);

const CASES: [string, string[]][] = [
  ['小明', ['王小明']],
  ['王小明', ['王小明']],
  ['明', ['王小明']],
  ['민준', ['김민준']],
  ['김민준', ['김민준']],
  ['太郎', ['山田 太郎']],
  ['はなこ', ['やまだ はなこ']],
  ['ใจดี', ['สมชาย ใจดี']],
  ['lukasiewicz', ['Zoë Núñez-Łukasiewicz']],
  ['الأحمد', ['محمد الأحمد']],
  // Characters of a name that are not next to each other are not a part of it.
  ['王明', []],
  ['민김', []],
];

describe('search in every script', () => {
  it.each(CASES)('"%s" finds %j', async (search, expected) => {
    const s = await store();
    expect(found(s, search)).toEqual(expected);
  });

  it('finds words inside responses written without spaces, and keeps names out of blind search', async () => {
    const s = await store();
    expect(found(s, '光合作用')).toEqual(['王小明']);
    expect(found(s, '광합성')).toEqual(['김민준']);
    expect(s.queue.list({ now: NOW, search: '光合作用', blind: true }).total).toBe(1);
    expect(s.queue.list({ now: NOW, search: '小明', blind: true }).total).toBe(0);
  });

  it('re-indexes a store whose search rows were written before names were split into characters', async () => {
    const s = await store();
    // Put back the rows as schema version 1 wrote them: each name one token.
    const rows = s.db.prepare('SELECT seq, earner_name, json FROM submissions').all() as {
      seq: number;
      earner_name: string;
      json: string;
    }[];
    s.db.prepare("INSERT INTO submissions_fts (submissions_fts) VALUES ('delete-all')").run();
    for (const r of rows) {
      const responses = (JSON.parse(r.json) as { responses: { text: string }[] }).responses
        .map((x) => x.text)
        .join('\n');
      s.db
        .prepare('INSERT INTO submissions_fts (rowid, earner_name, responses) VALUES (?, ?, ?)')
        .run(r.seq, foldForSearch(r.earner_name), foldForSearch(responses));
    }
    expect(found(s, '小明')).toEqual([]);
    // Migration 2 is what an older store runs on opening; run it as the runner would, in a transaction.
    const m2 = migrations.find((m) => m.version === 2)!;
    expect(m2.name).toBe('search-segments');
    s.db.transaction(() => m2.up(s.db))();
    services = s;
    expect(found(services, '小明')).toEqual(['王小明']);
    expect(found(services, '민준')).toEqual(['김민준']);
    expect(found(services, 'nunez')).toEqual(['Zoë Núñez-Łukasiewicz']);
  });
});

describe('search words and prefixes', () => {
  const PEOPLE = [
    '王小明',
    '김민준',
    'محمد الأحمد',
    'Ng Thị Ánh',
    'Lê Văn Đức',
    'Оксана Коваленко',
    'שרה כהן',
    'Ἀλέξανδρος Παπαδόπουλος',
    '田中 さくら',
  ];
  const TEXT = [
    'Students studied fractions.',
    'A lesson on stars.',
    'Ordinary response.',
    'Ordinary response.',
    'Ordinary response.',
    'Ordinary response.',
    'Ordinary response.',
    'Ordinary response.',
    'Ordinary response.',
  ];
  async function people(): Promise<Services> {
    work = tempDir();
    services = openServices(path.join(work, 'data'));
    const subs = PEOPLE.map((name, i) =>
      submission(i, undefined, {
        earner: { id: `mailto:p${i}@school.example`, name },
        responses: [{ sectionId: 'overview', text: TEXT[i] }],
      }),
    );
    const dir = path.join(work, 'pkg');
    writePackage(dir, manifest({ submissions: subs }), []);
    await services.importPackage(dir);
    return services;
  }

  it.each<[string, string[]]>([
    // Any part of a name in any script: given names alone, family names alone.
    ['小明', ['王小明']],
    ['민준', ['김민준']],
    ['الأحمد', ['محمد الأحمد']],
    ['كهن', []],
    ['כהן', ['שרה כהן']],
    ['коваленко', ['Оксана Коваленко']],
    ['Παπαδ', ['Ἀλέξανδρος Παπαδόπουλος']],
    ['さくら', ['田中 さくら']],
    ['田中', ['田中 さくら']],
    // Three letters or more: the beginnings of words.
    ['stu', ['王小明']],
    ['sta', ['김민준']],
    ['ков', ['Оксана Коваленко']],
    // One or two letters: whole words only, so short names are found and short prefixes match nothing more.
    ['st', []],
    ['s', []],
    ['ng', ['Ng Thị Ánh']],
    ['le', ['Lê Văn Đức']],
    ['a lesson', ['김민준']],
    ['le duc', ['Lê Văn Đức']],
  ])('"%s" finds %j', async (search, expected) => {
    const s = await people();
    expect(found(s, search)).toEqual(expected);
    // The same rows when the search is asked about each row walked, its prefixes expanded to whole words
    // (the plan for many dense matches), blind or not.
    const probing = new Queue(s.db, () => undefined, { fewMatches: 0 });
    for (const blind of [false, true])
      expect(probing.list({ now: NOW, search, blind }).items.map((i) => i.earnerName ?? i.id)).toEqual(
        found(s, search, blind),
      );
  });

  it('names the words that match whole words only, for the hint', () => {
    expect(wholeWordsOnly('st lesson Ng 小明 a')).toEqual(['st', 'Ng', 'a']);
    expect(wholeWordsOnly('students 민준')).toEqual([]);
    expect(ftsQuery('st Stud 小明 "x', false)).toBe('"st" "stud"* "小 明" "x"');
    expect(ftsQuery('NEAR( AND', true)).toBe('{responses} : ("near"* "and"*)');
  });

  it('expands each prefix to the words of the index that begin with it, and stops at 32 words', async () => {
    const s = await people();
    expect(expandedFtsQuery(s.db, 'stu', false)).toBe('("students" OR "studied")');
    expect(expandedFtsQuery(s.db, 'Stud lesson 小明', true)).toBe(
      '{responses} : (("students" OR "studied") AND ("lesson") AND "小 明")',
    );
    // Whole words (1–2 letters) stay as they are; a prefix no word begins with stays a phrase that matches nothing.
    expect(expandedFtsQuery(s.db, 'st zzq', false)).toBe('"st" AND "zzq"');
    // The last token of a phrase is its prefix: "le duc" is "le" then a word beginning "duc".
    expect(expandedFtsQuery(s.db, 'lê-đức', false)).toBe('("le duc")');
    // Each expansion finds what the prefix found.
    for (const text of ['stu', 'Stud lesson', 'ordin resp', 'коваленко'])
      expect(s.queue.list({ now: NOW, search: text }).total).toBe(
        s.db
          .prepare('SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ?')
          .pluck()
          .get(expandedFtsQuery(s.db, text, false)),
      );

    const db = new Database(':memory:');
    try {
      db.exec(
        "CREATE VIRTUAL TABLE submissions_fts USING fts5(earner_name, responses, content = '', contentless_delete = 1)",
      );
      const add = db.prepare('INSERT INTO submissions_fts (rowid, earner_name, responses) VALUES (?, ?, ?)');
      for (let i = 0; i < 33; i++) add.run(i + 1, 'x', `pre${String.fromCharCode(97 + (i % 26))}${i} other`);
      expect(expandedFtsQuery(db, 'pre', false)).toBeUndefined();
      expect(expandedFtsQuery(db, 'prea', false)).toBe('("prea0" OR "prea26")');
    } finally {
      db.close();
    }
  });
});
