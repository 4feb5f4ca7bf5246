// RFC 4180 parsing and the Canvas rubric CSV import, including the awkward files spreadsheets write.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCanvasRubricCsv } from '../../electron/library/canvas-csv.js';
import { CsvSyntaxError, decodeText, parseCsv, sniffDelimiter } from '../../electron/library/csv.js';
import { LibraryError } from '../../electron/library/errors.js';
import { Library } from '../../electron/library/library.js';
import { openServices } from '../../electron/services.js';
import { tempDir } from '../support/package-builder.js';
import { CANVAS_CSV, normalized } from './fixtures/rubric.js';

const rows = (text: string) => parseCsv(text).map((r) => r.fields);

describe('RFC 4180 parsing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(rows('a,"b,c","say ""hi""","two\nlines",""\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines', '']]);
    expect(rows('"x\r\ny",z\r\n1,2')).toEqual([
      ['x\r\ny', 'z'],
      ['1', '2'],
    ]);
  });

  it('takes CRLF, LF or CR line ends, with or without a final one, and drops a BOM', () => {
    expect(rows('\uFEFFa,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('a,b\nc,')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(rows('a,""')).toEqual([['a', '']]);
    expect(rows('')).toEqual([]);
  });

  it('counts lines across quoted line breaks', () => {
    expect(parseCsv('h\n"a\r\nb"\nc\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps a stray quote inside an unquoted field, refuses a quote left open or text after a closing quote', () => {
    expect(rows('5" screen,x')).toEqual([['5" screen', 'x']]);
    expect(() => parseCsv('a\n"never closed,x\ny')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"never closed,x\ny')).toThrow(/^line 2: a quoted field is never closed/);
    expect(() => parseCsv('"ab"c,d')).toThrow(/line 1: unexpected "c" after a closing quote/);
  });

  it('decodes UTF-8 with a BOM, UTF-16 with a BOM and Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFNúñez', 'utf8'))).toBe('Núñez');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Núñez', 'utf16le')]))).toBe('Núñez');
    expect(decodeText(Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x20, 0x93, 0x71, 0x94]))).toBe('Núñez “q”');
  });

  it('finds the delimiter of a semicolon or tab export', () => {
    expect(sniffDelimiter('Rubric Name;Criteria Name;Rating Name\n')).toBe(';');
    expect(sniffDelimiter('Rubric Name\tCriteria Name\n')).toBe('\t');
    expect(sniffDelimiter('Rubric Name,Criteria Name;x\n')).toBe(',');
  });
});

describe('a Canvas rubric CSV', () => {
  it('becomes a draft: criteria in file order, levels by points ascending, ids derived from the criterion', () => {
    const [draft, ...more] = importCanvasRubricCsv(Buffer.from(CANVAS_CSV, 'utf8'), {
      idFor: () => 'https://pd.example.edu/achievements/inquiry',
    });
    expect(more).toEqual([]);
    const a = draft!.achievement;
    expect(a.id).toBe('https://pd.example.edu/achievements/inquiry');
    expect(normalized(a)).toEqual({
      name: 'Inquiry-Based STEM Teaching',
      criteria: [
        {
          name: 'Designs an inquiry-based lesson',
          description: 'Students pose questions, plan and carry out investigations',
          levels: [
            { name: 'Not yet', description: 'The lesson is teacher-led throughout.', points: 0 },
            { name: 'Developing', description: 'Students ask questions\nbut do not investigate them.', points: 1 },
            { name: 'Proficient', description: 'Students investigate their own questions.', points: 2 },
            {
              name: 'Exemplary',
              description: 'Students design their own investigations and "own" the questions',
              points: 3,
            },
          ],
        },
        {
          name: 'Uses evidence of learning',
          description: null,
          levels: [
            { name: 'Not yet', description: null, points: 0 },
            { name: 'Developing', description: 'Collects evidence but does not act on it', points: 1 },
            { name: 'Proficient', description: 'Adjusts teaching, mid-lesson, from evidence', points: 2 },
          ],
        },
      ],
    });
    const c = a.resultDescription[0]!;
    expect(c.id).toBe('https://pd.example.edu/achievements/inquiry#designs-an-inquiry-based-lesson');
    expect(c.rubricCriterionLevel.map((l) => [l.id, l.level])).toEqual(
      [1, 2, 3, 4].map((n) => [`${c.id}-${n}`, String(n)]),
    );
    expect(a.resultDescription.every((x) => x.requiredLevel === undefined)).toBe(true);
    expect(a.sections.map((x) => x.id)).toEqual(['overview', 'work-examples', 'reflection']);
    // Canvas has no pass rule to carry: the draft says so, naming the rubric and what to set.
    expect(draft!.warnings).toEqual([
      'Rubric "Inquiry-Based STEM Teaching" has no pass rule: set a required level on at least one criterion or passing points',
    ]);
    // Deterministic: the same file and id give the same draft.
    expect(importCanvasRubricCsv(CANVAS_CSV, { idFor: () => a.id })[0]!.achievement).toEqual(a);
  });

  it('sets a required level by name when asked, and says where there was none', () => {
    const [draft] = importCanvasRubricCsv(CANVAS_CSV, { requiredLevelName: 'exemplary' });
    const [first, second] = draft!.achievement.resultDescription;
    expect(first!.requiredLevel).toBe(first!.rubricCriterionLevel[3]!.id);
    expect(second!.requiredLevel).toBeUndefined();
    expect(draft!.warnings).toEqual([
      'Criterion "Uses evidence of learning" has no level named "exemplary", so it has no required level; choose one before saving.',
    ]);
  });

  it('tolerates numbered headers, missing description columns, ragged rows, decimal commas and several rubrics', () => {
    const csv = [
      'Rubric Name;Criteria Name;Rating Name 1;Rating Points 1;Rating Name 2;Rating Points 2;Rating Name 3;Rating Points 3',
      'Essay;Thesis;Strong;1,75;Weak;0',
      ';Evidence;Full marks;2;Some;1;None;0.0',
      '',
      'Talk;Delivery;Clear;4',
    ].join('\n');
    const drafts = importCanvasRubricCsv(csv);
    expect(drafts.map((d) => normalized(d.achievement))).toEqual([
      {
        name: 'Essay',
        criteria: [
          {
            name: 'Thesis',
            description: null,
            levels: [
              { name: 'Weak', description: null, points: 0 },
              { name: 'Strong', description: null, points: 1.75 },
            ],
          },
          {
            name: 'Evidence',
            description: null,
            levels: [
              { name: 'None', description: null, points: 0 },
              { name: 'Some', description: null, points: 1 },
              { name: 'Full marks', description: null, points: 2 },
            ],
          },
        ],
      },
      {
        name: 'Talk',
        criteria: [{ name: 'Delivery', description: null, levels: [{ name: 'Clear', description: null, points: 4 }] }],
      },
    ]);
    expect(drafts[0]!.achievement.id).not.toBe(drafts[1]!.achievement.id);
  });

  it('warns that a range criterion is scored at the top of each range', () => {
    const csv =
      'Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points\nR,Clarity,,TRUE,Clear,,5\nR,Focus,,false,Focused,,5\n';
    expect(importCanvasRubricCsv(csv)[0]!.warnings).toEqual([
      expect.stringMatching(/^Canvas scored "Clarity" by point ranges/),
      expect.stringMatching(/^Rubric "R" has no pass rule/),
    ]);
  });

  it('gives repeated criterion names distinct ids', () => {
    const csv = 'Rubric Name,Criteria Name,Rating Name,Rating Points\nR,Évidence,A,1\nR,evidence,A,1\nR,"!!!",A,1\n';
    const ids = importCanvasRubricCsv(csv, { idFor: () => 'urn:x:r' })[0]!.achievement.resultDescription.map(
      (c) => c.id,
    );
    expect(ids).toEqual(['urn:x:r#evidence', 'urn:x:r#evidence-2', 'urn:x:r#criterion']);
  });

  function refusal(csv: string): LibraryError {
    try {
      importCanvasRubricCsv(csv);
    } catch (err) {
      if (err instanceof LibraryError) return err;
      throw err;
    }
    throw new Error('expected a LibraryError');
  }

  it('refuses what it cannot read, naming the line and column', () => {
    expect(refusal('Name,Points\nA,1').message).toMatch(
      /^This Canvas rubric file cannot be imported: line 1: the header has no "Criteria Name" column/,
    );
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,Good,lots').problems).toEqual([
      {
        path: 'line 2, column D ("Rating Points")',
        message: '"lots" is not a number of points of 0 or more (rating "Good")',
      },
    ]);
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,Good,-1').problems[0]!.path).toBe(
      'line 2, column D ("Rating Points")',
    );
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,,Good,1').problems).toEqual([
      {
        path: 'line 2, column B ("Criteria Name")',
        message: 'is empty; every row is one criterion and needs its name',
      },
    ]);
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,,1').problems[0]).toMatchObject({
      path: 'line 2, column C ("Rating Name")',
    });
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,Good,').problems[0]).toMatchObject({
      message: 'is empty; rating "Good" needs its points',
    });
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C').problems[0]).toMatchObject({
      path: 'line 2',
      message: expect.stringContaining('has no ratings'),
    });
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Description\nR,C,A,d').problems[0]).toMatchObject({
      message: expect.stringContaining('no "Rating Points" column'),
    });
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\n,C,A,1').problems[0]).toMatchObject({
      path: 'line 2, column A ("Rubric Name")',
    });
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\n"R,C,A,1\n').problems[0]).toMatchObject({
      path: 'line 2',
      message: expect.stringContaining('never closed'),
    });
    // Every problem at once, so a file can be fixed in one go.
    expect(refusal('Rubric Name,Criteria Name,Rating Name,Rating Points\nR,,A,1\nR,C,A,x').problems).toHaveLength(2);
  });

  it('a draft saves as it is', () => {
    const dir = tempDir();
    const s = openServices(path.join(dir, 'data'));
    try {
      const lib = new Library(s.db, s.evidence);
      const [draft] = importCanvasRubricCsv(CANVAS_CSV, { requiredLevelName: 'Proficient' });
      expect(lib.saveAchievement(draft!.achievement).status).toBe('created');
      expect(lib.getAchievement(draft!.achievement.id).achievement).toEqual(draft!.achievement);
    } finally {
      s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
