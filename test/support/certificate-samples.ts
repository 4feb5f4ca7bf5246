// Sample awards for the certificate benchmark, the tests and the reference image: earners whose names
// are in many scripts (Latin with diacritics, Vietnamese, Greek, Cyrillic, Korean, Chinese, Japanese,
// Arabic, Hebrew).
import type { IssuerProfile } from '../../electron/awards/identity/identity.js';
import type { CertificateAward, Paper } from '../../electron/awards/certificate/types.js';
import { distinctNames, type Script } from '../bench/realistic-data.js';

export const SAMPLE_EARNERS = [
  'Zoë Núñez-Łukasiewicz',
  'Ng Thị Ánh',
  'Ἀλέξανδρος Παπαδόπουλος',
  'Оксана Коваленко',
  '김민준',
  '王小明',
  '田中 さくら',
  'محمد الأحمد',
  'שרה כהן',
  "Liam O'Connell",
  'Aiyana Redcloud',
  'Grace Mwangi',
] as const;

export const SAMPLE_ISSUER: IssuerProfile = {
  name: 'Riverside University School of Education',
  url: 'https://riverside.example/verify',
  email: 'badges@riverside.example',
};

const DESCRIPTION =
  'The educator designs and facilitates inquiry-based STEM learning in which students investigate authentic questions, use mathematics and engineering practices to make sense of phenomena, and argue from evidence.';

const LEVELS = [
  {
    criterion: 'Designs an inquiry-based investigation around an authentic question or phenomenon',
    level: 'Exemplary',
  },
  { criterion: 'Integrates mathematics and engineering practices', level: 'Proficient' },
  { criterion: 'Facilitates evidence-based discourse in which students argue from data', level: 'Proficient' },
  { criterion: 'Uses evidence of learning to plan next steps', level: 'Exemplary' },
];

export function sampleAward(
  index: number,
  options: { paper?: Paper; issuer?: IssuerProfile; earnerName?: string } = {},
): CertificateAward {
  const earnerName = options.earnerName ?? SAMPLE_EARNERS[index % SAMPLE_EARNERS.length]!;
  const id = `urn:uuid:3f2b8c1e-${String(1000 + (index % 9000)).padStart(4, '0')}-4a7d-9c2e-5b1f0e9d${String(index).padStart(4, '0').slice(-4)}`;
  const code = `RVX${String(index).padStart(4, '0')}`.replace(/(.{4})(.{3})/, '$1-$2');
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      type: ['Profile'],
      name: (options.issuer ?? SAMPLE_ISSUER).name,
    },
    validFrom: '2026-03-12T10:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      name: earnerName,
      achievement: {
        id: 'https://riverside.example/achievements/core-stem/v1',
        type: ['Achievement'],
        name: 'Core STEM Teaching Practices',
      },
    },
  };
  return {
    credentialId: id,
    verificationCode: code,
    issuedAt: '2026-03-12',
    earnerName,
    achievementName: 'Core STEM Teaching Practices',
    achievementDescription: DESCRIPTION,
    credits: { amount: 15, unit: 'professional development hours' },
    assessorName: 'Jordan Ellis',
    issuer: options.issuer ?? SAMPLE_ISSUER,
    credentialJson: JSON.stringify(credential, null, 2),
    levels: LEVELS,
    paper: options.paper ?? 'a4',
  };
}

/**
 * `n` sample awards for distinct earners: the names of test/bench/realistic-data.ts (nine scripts in
 * turn, none repeated), so a batch's fonts meet the characters a real cohort brings.
 */
export function distinctAwards(
  n: number,
  options: { paper?: Paper; issuer?: IssuerProfile } = {},
): (CertificateAward & { script: Script })[] {
  return distinctNames(n).map((name, i) => ({
    ...sampleAward(i, { ...options, earnerName: name.name }),
    script: name.script,
  }));
}
