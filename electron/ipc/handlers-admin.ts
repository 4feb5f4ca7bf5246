// Handlers for awards, the issuer identity, the rubric library, results, backups and settings.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { AwardSummary, PathPurpose, Settings } from '../../shared/domain/admin.js';
import { settingsSchema } from '../../shared/domain/admin.js';
import type { Channel, ChannelOutput, Contract } from '../../shared/ipc/contract.js';
import { badgeSigner, type Award } from '../awards/awards.js';
import { CertificateBatch, certificateMaker, exportAwardFiles } from '../awards/award-files.js';
import { buildCadesSignature } from '../awards/certificate/cms.js';
import {
  generateSelfSignedIdentity,
  importPkcs12,
  loadIdentity,
  readIdentityPublic,
  saveIdentity,
  SigningIdentity,
  type IdentityPublic,
  type IssuerProfile,
  type SecretBox,
} from '../awards/identity/index.js';
import { createBackup } from '../backup/backup.js';
import { recordIdentity } from '../awards/trust.js';
import { anchorSigner, sealAuditHead } from '../store/audit-anchor.js';
import { exportCasePackage, importCaseRubrics } from '../library/case.js';
import { importCanvasRubricCsv } from '../library/canvas-csv.js';
import { exportResults } from '../results/results.js';
import type { Services } from '../services.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { createHash } from 'node:crypto';
import {
  READ_LIMITS,
  readBoundedFile,
  readLogoPng,
  regularFileSize,
  requireFolderTarget,
  requireWritableTarget,
} from '../files/bounded-read.js';
import { CHOICE_PURPOSES, type Choices } from './choices.js';

/** What only the desktop shell provides for these channels; the e2e harness supplies its own. */
export interface AdminPlatform {
  choosePath(purpose: PathPurpose): Promise<string | null>;
  /** Seals the signing keys at rest (Electron's safeStorage in the app). */
  secretBox(): SecretBox;
  printPdf(pdf: Uint8Array, title: string): Promise<boolean>;
  /** After a restore the store on disk changed under the running app: start again. */
  restartAfterRestore(backupPath: string): Promise<void>;
}

type Emit = (event: 'awards:progress', payload: { done: number; total: number }) => void;
/** dialog:confirmDrop is not here: dropped files are the desktop Platform's (handlers.ts). */
type AdminChannel = Exclude<
  Extract<Channel, `${'dialog' | 'identity' | 'awards' | 'library' | 'results' | 'backup' | 'settings'}:${string}`>,
  'dialog:confirmDrop'
>;
type In<C extends Channel> = z.output<Contract[C]['input']>;
export type AdminHandlers = { [C in AdminChannel]: (input: In<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

function summary(a: Award): AwardSummary {
  const { credentialJson: _c, achievementDescription: _d, achievementVersionId: _v, ...rest } = a;
  return rest;
}

export function readSettings(s: Services): Settings {
  const rows = s.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)])));
}

export function createAdminHandlers(s: Services, platform: AdminPlatform, emit: Emit, choices: Choices): AdminHandlers {
  let unlocked: SigningIdentity | undefined;
  const identity = (): SigningIdentity => {
    if (!unlocked) {
      if (!readIdentityPublic(s.dataDir))
        throw new Error('Set up the issuer identity in Settings first: awards are signed with it.');
      unlocked = loadIdentity(s.dataDir, platform.secretBox());
    }
    return unlocked;
  };
  const publicPart = (): IdentityPublic => readIdentityPublic(s.dataDir)!;
  const store = (id: SigningIdentity) => {
    recordIdentity(s.db, s.dataDir, id); // retires the identity it replaces; never forgets it
    saveIdentity(s.dataDir, id, platform.secretBox());
    unlocked = id;
    return publicPart();
  };
  type ProfileIn = {
    name?: string | undefined;
    url?: string | undefined;
    email?: string | undefined;
    logo?: string | null | undefined;
  };
  /** The profile with its logo: read from the chosen file (a token), removed (null), or kept (absent). */
  const withProfile = <T>(
    p: ProfileIn,
    keepLogo: Buffer | undefined,
    fn: (profile: IssuerProfile) => Promise<T> | T,
  ): Promise<T> => {
    const base = { name: p.name ?? '', ...(p.url ? { url: p.url } : {}), ...(p.email ? { email: p.email } : {}) };
    if (p.logo) return choices.useOne(p.logo, 'logo', (file) => fn({ ...base, logoPng: readLogoPng(file) }));
    return Promise.resolve(fn(p.logo === null || !keepLogo ? base : { ...base, logoPng: keepLogo }));
  };
  const award = (id: string) => {
    const a = s.awards.get(id);
    if (!a) throw new Error(`There is no award ${id}.`);
    return a;
  };

  return {
    'dialog:choose': async ({ purpose }) => {
      // The path stays here; the renderer gets a token for this one purpose.
      const chosen = await platform.choosePath(purpose);
      return chosen === null ? null : choices.register(chosen, CHOICE_PURPOSES[purpose].kinds[0]!, purpose);
    },
    'identity:get': () => readIdentityPublic(s.dataDir),
    'identity:create': (p) =>
      withProfile(p, undefined, async (profile) => store(await generateSelfSignedIdentity(profile))),
    'identity:importPkcs12': ({ token, passphrase, profile }) =>
      choices.useOne(token, 'pkcs12', async (file) => {
        const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.pkcs12, what: 'The PKCS #12 file' });
        const options = { fileName: path.basename(file) };
        if (!profile?.name) return store(await importPkcs12(bytes, passphrase, options));
        return withProfile(profile, undefined, async (p) =>
          store(await importPkcs12(bytes, passphrase, { ...options, profile: p })),
        );
      }),
    'identity:setProfile': (p) => {
      const current = identity();
      return withProfile(p, current.profile.logoPng, (profile) =>
        store(
          new SigningIdentity({
            profile,
            certificateChain: [...current.certificateChain],
            signingKey: current.signingKey,
            badgeKey: current.badgeKey,
          }),
        ),
      );
    },
    'awards:ready': () => s.awards.ready(),
    'awards:list': ({ status, search }) =>
      s.awards.list({ ...(status ? { status } : {}), ...(search ? { search } : {}) }).map(summary),
    'awards:issue': async ({ submissionIds }) => {
      const id = identity();
      const issued: AwardSummary[] = [];
      const failed: { submissionId: string; message: string }[] = [];
      let done = 0;
      for (const submissionId of submissionIds) {
        try {
          issued.push(summary(await s.awards.issue(submissionId, id)));
        } catch (err) {
          failed.push({ submissionId, message: (err as Error).message });
        }
        emit('awards:progress', { done: ++done, total: submissionIds.length });
      }
      return { issued, failed };
    },
    'awards:revoke': async ({ credentialId, reason }) => {
      const revoked = s.awards.revoke(credentialId, reason);
      // The status list is re-signed at once, so the hosted copy can say so (see Awards.revokeAndPublish).
      if (readIdentityPublic(s.dataDir)) await s.awards.publishStatusLists(identity());
      return summary(revoked);
    },
    'awards:reissue': async ({ credentialId, earnerName }) =>
      summary(await s.awards.reissue(credentialId, identity(), earnerName ? { earnerName } : {})),
    'awards:certificate': async ({ credentialId, paper }) => {
      const a = award(credentialId);
      return new Uint8Array(await new CertificateBatch(identity(), paper, [a]).pdf(a));
    },
    'awards:export': ({ credentialIds, formats, paper, token }) =>
      choices.useOne(token, 'export-folder', async (folder) => {
        requireFolderTarget(folder, 'The folder for the awards');
        const list = credentialIds.map(award);
        const files = await exportAwardFiles(
          s,
          formats.includes('pdf') ? identity() : undefined,
          list,
          folder,
          formats,
          paper,
          (p) => emit('awards:progress', p),
        );
        return { files: files.length };
      }),
    'awards:print': async ({ credentialId, paper }) => {
      const a = award(credentialId);
      return platform.printPdf(
        await new CertificateBatch(identity(), paper, [a]).pdf(a),
        `${a.achievementName} — ${a.earnerName}`,
      );
    },
    'library:list': () => s.library.listAchievements(),
    'library:get': ({ id, versionId }) => {
      const a = s.library.getAchievement(id, versionId);
      return { id: a.id, versionId: a.versionId, achievement: a.achievement };
    },
    'library:template': ({ name }) => s.library.newAchievementTemplate(name),
    'library:save': ({ achievement }) => {
      const r = s.library.saveAchievement(achievement);
      return { versionId: r.versionId, status: r.status, warnings: r.warnings };
    },
    'library:importRubrics': ({ token }) =>
      choices.useOne(token, 'rubric', (file) => {
        const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.rubric, what: 'The rubric file' });
        return /\.json$/i.test(file) || bytes.subarray(0, 64).toString('utf8').trimStart().startsWith('{')
          ? importCaseRubrics(bytes)
          : importCanvasRubricCsv(bytes);
      }),
    'library:exportCase': ({ id, token }) => {
      const json = JSON.stringify(exportCasePackage(s.library.getAchievement(id).achievement), null, 2);
      return choices.useOne(token, 'case-export', (file) => {
        requireWritableTarget(file, 'The CASE package');
        writeFileAtomic(file, json);
        return null;
      });
    },
    'library:addSubmission': ({ files, ...rest }) =>
      choices.use(
        files.map((f) => f.token),
        'evidence',
        async (chosen) => ({
          id: (
            await s.library.addSubmission({
              ...rest,
              files: files.map(({ token: _t, ...f }, i) => ({ ...f, path: chosen[i]!.path })),
            })
          ).id,
        }),
      ),
    'results:export': ({ token }) => {
      const id = identity();
      return choices.useOne(token, 'results-folder', (folder) => {
        requireFolderTarget(folder, 'The folder for the results package');
        s.db.transaction(() => sealAuditHead(s.db, anchorSigner(id))).immediate();
        const paper = readSettings(s).paper;
        return exportResults(
          s,
          folder,
          {
            name: id.profile.name,
            signDetached: (data) => buildCadesSignature(id, createHash('sha256').update(data).digest()),
          },
          { certificates: (inForce) => certificateMaker(id, paper, inForce), statusListSigner: badgeSigner(id) },
        );
      });
    },
    'backup:create': ({ token }) =>
      choices.useOne(token, 'backup-save', async (file) => {
        requireWritableTarget(file, 'The backup');
        // With an identity set up, the backup's audit head is signed with it (and the head sealed).
        const id = readIdentityPublic(s.dataDir) ? identity() : undefined;
        if (id) s.db.transaction(() => sealAuditHead(s.db, anchorSigner(id))).immediate();
        const m = await createBackup(s, file, undefined, undefined, id ? anchorSigner(id) : undefined);
        return { files: m.evidence.files, bytes: m.evidence.bytes };
      }),
    'backup:restore': ({ token }) =>
      choices.useOne(token, 'backup-open', async (file) => {
        regularFileSize(file, { what: 'The backup' });
        await platform.restartAfterRestore(file);
        return null;
      }),
    'settings:get': () => readSettings(s),
    'settings:set': (partial) => {
      const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
      const next = settingsSchema.parse({ ...readSettings(s), ...defined });
      const put = s.db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      s.db.transaction(() => {
        for (const [k, v] of Object.entries(next)) put.run(k, JSON.stringify(v));
      })();
      return next;
    },
  };
}
