// The identity matcher of blind review: folding and tokenising in every script, name parts, e-mails,
// aliases, hashed terms; and every sample earner covered where the sample PDFs print them.
import { describe, expect, it } from 'vitest';
import {
  findIdentity,
  foldToken,
  hash53,
  hashedTermSet,
  hashTerms,
  identityTerms,
  redactText,
  termSet,
  tokenize,
  type Identity,
} from '../../../shared/domain/redaction.js';
import { SUBMISSIONS } from '../../../electron/sample/submissions.js';
import { winAnsiSafe } from '../../../electron/sample/pdf.js';

const W = '[withheld]';

describe('foldToken and tokenize', () => {
  it('folds accents, case, strokes, Greek final sigma, Arabic hamza seats and harakat, Hebrew points', () => {
    expect(foldToken('NÚÑEZ')).toBe('nunez');
    expect(foldToken('Łukasiewicz')).toBe('lukasiewicz');
    expect(foldToken('ΠΑΠΑΔΌΠΟΥΛΟΣ')).toBe(foldToken('Παπαδοπουλος'));
    expect(foldToken('Ἀλέξανδρος')).toBe('αλεξανδροσ');
    expect(foldToken('الأحمد')).toBe('الاحمد');
    expect(foldToken('مُحَمَّد')).toBe('محمد');
    expect(foldToken('שָׂרָה')).toBe('שרה');
    expect(foldToken('Ёлкина')).toBe('елкина');
    expect(foldToken("O'Connor")).toBe('oconnor');
    expect(foldToken('Thị')).toBe('thi');
    expect(foldToken('ＡＢＣ')).toBe('abc');
  });

  it('keeps offsets into the original text and splits unspaced scripts into characters', () => {
    const text = 'Dr. O’Connor, 김민준입니다 王小明';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual(['dr', 'oconnor', '김', '민', '준', '입', '니', '다', '王', '小', '明']);
    for (const t of tokens) expect(foldToken(text.slice(t.start, t.end))).toBe(t.key);
  });
});

describe('identityTerms', () => {
  const has = (id: Identity, s: string) =>
    identityTerms(id)
      .map((t) => t.join(' '))
      .includes(s);

  it('gives the whole name, identifying parts, hyphenated parts whole, e-mail and local part, organisation', () => {
    const id: Identity = {
      name: 'Zoë Núñez-Łukasiewicz',
      email: 'zoe.nunez-lukasiewicz@lincoln-ms.example.org',
      organization: 'Lincoln Middle School',
    };
    expect(has(id, 'zoe nunez lukasiewicz')).toBe(true);
    expect(has(id, 'zoe')).toBe(true);
    expect(has(id, 'nunez')).toBe(true);
    expect(has(id, 'lukasiewicz')).toBe(true);
    expect(has(id, 'zoe nunez lukasiewicz lincoln ms example org')).toBe(true);
    expect(has(id, 'lincoln middle school')).toBe(true);
    // The organisation's words alone are not the earner.
    expect(has(id, 'school')).toBe(false);
  });

  it('keeps short hyphenated pieces and particles to the whole name', () => {
    const id: Identity = { name: 'Kim Min-jun', email: null, aliases: ['Mohammed Al-Ahmad'] };
    expect(has(id, 'kim')).toBe(true);
    expect(has(id, 'min jun')).toBe(true);
    expect(has(id, 'min')).toBe(false);
    expect(has(id, 'al')).toBe(false);
    expect(has(id, 'ahmad')).toBe(true);
    expect(has(id, 'mohammed al ahmad')).toBe(true);
  });

  it('gives every run of two characters or more of a Korean or Chinese name', () => {
    const id: Identity = { name: '김민준' };
    expect(has(id, '김 민 준')).toBe(true);
    expect(has(id, '민 준')).toBe(true);
    expect(has(id, '김')).toBe(false);
    expect(has({ name: '王小明' }, '小 明')).toBe(true);
  });

  it('drops the Arabic article as a variant', () => {
    expect(has({ name: 'محمد الأحمد' }, 'احمد')).toBe(true);
    expect(has({ name: 'محمد الأحمد' }, 'الاحمد')).toBe(true);
  });
});

describe('findIdentity and redactText', () => {
  it('covers names in every script, in any case and with or without accents, and nothing else', () => {
    const cases: [Identity, string, string][] = [
      [{ name: 'محمد الأحمد' }, 'كتبه مُحَمَّد الأحمد للصف', `كتبه ${W} للصف`],
      [{ name: 'محمد الأحمد' }, 'الأستاذ أحمد', `الأستاذ ${W}`],
      [{ name: 'שרה כהן' }, 'הוכן על ידי שָׂרָה כהן.', `הוכן על ידי ${W}.`],
      [{ name: '김민준' }, '김민준입니다. 민준 선생님', `${W}입니다. ${W} 선생님`],
      [{ name: '王小明' }, '报告人：王小明（小明）', `报告人：${W}（${W}）`],
      [{ name: 'Ng Thị Ánh' }, 'Prepared by NG THI ANH', `Prepared by ${W}`],
      [{ name: 'Ἀλέξανδρος Παπαδόπουλος' }, 'ΑΛΕΞΑΝΔΡΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ, Αθήνα', `${W}, Αθήνα`],
      [{ name: 'Оксана Коваленко' }, 'Автор: оксана КОВАЛЕНКО', `Автор: ${W}`],
      [{ name: "Liam O'Connor" }, 'Mr O’Connor said', `Mr ${W} said`],
      [{ name: 'Kim Min-jun' }, 'Kim Min-jun · Lab notes, 10 min', `${W} · Lab notes, 10 min`],
    ];
    for (const [id, text, out] of cases) expect(redactText(text, id)).toBe(out);
  });

  it('covers e-mail addresses, their local parts and the organisation', () => {
    const id: Identity = {
      name: 'Priya Raghunathan',
      email: 'priya.raghunathan@oakhollow.example.org',
      organization: 'Oak Hollow Elementary School',
    };
    expect(redactText('Mail PRIYA.RAGHUNATHAN@oakhollow.example.org or priya.raghunathan today', id)).toBe(
      `Mail ${W} or ${W} today`,
    );
    expect(redactText('at Oak Hollow Elementary School, a school', id)).toBe(`at ${W}, a school`);
  });

  it('leaves a word that only contains a name part alone', () => {
    expect(redactText('Kimberly and Kimchi', { name: 'Kim Min-jun' })).toBe('Kimberly and Kimchi');
  });
});

describe('hashed terms', () => {
  it('matches the same ranges as clear terms, and the hashes hold no term', () => {
    const id: Identity = { name: 'Ἀλέξανδρος Παπαδόπουλος', aliases: ['Alexandros Papadopoulos'] };
    const terms = identityTerms(id);
    const hashed = hashTerms(terms, '0123abcd4567ef89');
    const text = 'Prepared by Alexandros Papadopoulos · Unit plan; Παπαδόπουλος';
    expect(findIdentity(text, hashedTermSet(hashed))).toEqual(findIdentity(text, termSet(terms)));
    expect(findIdentity(text, hashedTermSet(hashed))).toHaveLength(2);
    expect(JSON.stringify(hashed)).not.toMatch(/alex|papad|αλεξ/iu);
    // Another salt, other hashes: nothing to compare across workspaces.
    expect(hashTerms(terms, 'ffff0000ffff0000').hashes).not.toContain(hashed.hashes[0]);
    expect(hash53('a', 1)).not.toBe(hash53('a', 2));
  });
});

describe('every sample earner', () => {
  for (const def of SUBMISSIONS) {
    it(`${def.key}: "Prepared by", the footer, the school and the e-mail are covered`, () => {
      const id: Identity = {
        name: def.earner.name,
        email: def.earner.email,
        organization: def.earner.organization,
        aliases: def.earner.pdfName ? [def.earner.pdfName] : [],
      };
      const author = winAnsiSafe(def.earner.pdfName ?? def.earner.name);
      const page = [
        'Prepared by',
        author,
        'School',
        winAnsiSafe(def.earner.organization),
        `${author} · Unit plan`,
        `Contact: ${def.earner.email}`,
      ].join('\n');
      const out = redactText(page, id);
      expect(out).toBe(['Prepared by', W, 'School', W, `${W} · Unit plan`, `Contact: ${W}`].join('\n'));
      expect(redactText(def.earner.name, id)).toBe(W);
    });
  }
});
