// Builds small review packages (folders and zips) for tests and benchmarks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import yazl from 'yazl';

export type Json = Record<string, unknown>;

export const ACH = 'https://pd.test.example/achievements/core-stem/v1';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Folders made by tempDir in this process, removed when it exits (copies of packages, stores, evidence). */
const made: string[] = [];

/** Removes the folders tempDir made in this process so far (vitest calls it after each file: its workers are stopped without an exit). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test has locked or already moved: nothing else to do at exit.
    }
  }
}

/**
 * A new private folder under the system's temporary folder, removed with everything in it when this process exits
 * (a test that needs it gone sooner removes it itself). BENCH_KEEP=1 keeps them to look at.
 */
export function tempDir(prefix = 'assay-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!process.env.BENCH_KEEP) {
    if (made.length === 0) process.once('exit', removeTempDirs);
    made.push(dir);
  }
  return dir;
}

export function achievement(id = ACH, overrides: Json = {}): Json {
  const level = (c: string, n: number, name: string, points: number) => ({
    id: `${id}#${c}-${n}`,
    name,
    level: String(n),
    points,
    description: `${name} on ${c}`,
  });
  return {
    id,
    name: 'Core STEM Teaching Practices',
    description: 'The educator plans and facilitates inquiry-based STEM learning.',
    achievementType: 'MicroCredential',
    criteria: { narrative: 'Submit a lesson plan, a classroom video and a reflection.' },
    creditsAvailable: 15,
    creditUnit: 'professional development hours',
    sections: [
      { id: 'overview', name: 'Overview questions', prompt: 'Describe your students and setting.' },
      { id: 'artifacts', name: 'Work examples', prompt: 'Upload a lesson plan and a video.' },
      { id: 'reflection', name: 'Reflection', prompt: 'What would you change next time?' },
    ],
    resultDescription: ['inquiry', 'evidence'].map((c) => ({
      id: `${id}#${c}`,
      name: c === 'inquiry' ? 'Designs an inquiry-based lesson' : 'Uses evidence of learning',
      sectionId: 'artifacts',
      resultType: 'RubricCriterionLevel',
      rubricCriterionLevel: [level(c, 1, 'Not yet', 0), level(c, 2, 'Developing', 1), level(c, 3, 'Proficient', 2)],
      requiredLevel: `${id}#${c}-3`,
    })),
    passingPoints: 4,
    ...overrides,
  };
}

export interface FileSpec {
  path: string;
  content: Buffer;
}

export function submission(n: number, file: FileSpec | undefined, overrides: Json = {}): Json {
  const id = `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    achievementId: ACH,
    attempt: 1,
    submittedAt: new Date(Date.UTC(2026, 9, 1) + n * 3600_000).toISOString(),
    dueAt: new Date(Date.UTC(2026, 11, 1) + n * 3600_000).toISOString(),
    earner: {
      id: `mailto:teacher${n}@school.example`,
      name: `Teacher ${n}`,
      email: `teacher${n}@school.example`,
      organization: 'Lincoln Middle School',
    },
    responses: [{ sectionId: 'overview', text: `I teach twenty-eight seventh graders, group ${n}.` }],
    artifacts: file
      ? [
          {
            id: 'a1',
            sectionId: 'artifacts',
            name: 'Lesson plan',
            file: file.path,
            mediaType: 'application/pdf',
            size: file.content.length,
            sha256: sha256(file.content),
          },
        ]
      : [{ id: 'a1', sectionId: 'artifacts', name: 'Classroom video', url: 'https://video.example.org/v/1' }],
    ...overrides,
  };
}

export function manifest(overrides: Json = {}): Json {
  return {
    format: 'microcredential-review-package',
    formatVersion: 1,
    id: 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a10',
    createdAt: '2026-11-20T09:00:00Z',
    issuer: {
      id: 'https://pd.test.example/issuer',
      name: 'Test University',
      url: 'https://pd.test.example',
      email: 'credentials@pd.test.example',
    },
    assessor: { id: 'mailto:reviewer@example.org', name: 'Sam Reviewer' },
    achievements: [achievement()],
    submissions: [],
    ...overrides,
  };
}

/** A valid package of `count` submissions, each with one small file, written into `dir`. */
export function writeValidPackage(dir: string, count = 3, overrides: Json = {}): { manifest: Json; files: FileSpec[] } {
  const files = Array.from({ length: count }, (_, i) => ({
    path: `evidence/s${i}/lesson-plan.pdf`,
    content: Buffer.from(`%PDF-1.7 lesson plan ${i}\n`),
  }));
  const m = manifest({ submissions: files.map((f, i) => submission(i, f)), ...overrides });
  writePackage(dir, m, files);
  return { manifest: m, files };
}

export function writePackage(dir: string, m: Json | string, files: FileSpec[]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), typeof m === 'string' ? m : JSON.stringify(m, null, 2));
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.content);
  }
}

export interface ZipEntrySpec {
  name: string;
  content?: Buffer;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  compress?: boolean;
}

export async function writeZip(zipPath: string, entries: ZipEntrySpec[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(e.content ?? Buffer.alloc(0), e.name, {
      mode: e.mode ?? 0o100644,
      compress: e.compress ?? true,
      mtime: new Date(Date.UTC(2026, 0, 1)),
    });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zipPath);
    zip.outputStream
      .pipe(out)
      .on('close', () => resolve())
      .on('error', reject);
  });
}

/** Zips a package folder; `prefix` puts everything inside one top folder, as zipping a folder does. */
export async function zipFolder(dir: string, zipPath: string, prefix = ''): Promise<void> {
  const entries: ZipEntrySpec[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, r);
      if (fs.statSync(full).isDirectory()) walk(r);
      else entries.push({ name: prefix + r, content: fs.readFileSync(full) });
    }
  };
  walk('');
  await writeZip(zipPath, entries);
}

/**
 * A calibration sample or seed: submission `n` with a definitive score, `levels` giving the level number
 * (1–3) of each criterion of `achievement()` in order (inquiry, evidence).
 */
export function qaSample(
  n: number,
  file: FileSpec | undefined,
  levels: readonly [number, number],
  decision: 'pass' | 'not-yet' = levels.every((l) => l === 3) ? 'pass' : 'not-yet',
  overrides: Json = {},
): Json {
  return {
    ...submission(n, file, overrides),
    definitive: {
      decision,
      results: (['inquiry', 'evidence'] as const).map((c, i) => ({
        resultDescription: `${ACH}#${c}`,
        achievedLevel: `${ACH}#${c}-${levels[i]}`,
        rationale: `Level ${levels[i]} for ${c}: the lesson plan on p. 2 shows it.`,
      })),
    },
  };
}
