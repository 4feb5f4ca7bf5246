// The assessor's settings, and a change to some of them.
import { z } from 'zod';
import { paperSchema } from './awards.js';
import { httpsUrlProblem, MAX_URL } from '../schemas/web-address.js';

/** The web addresses a third party's verifier reaches, set in Settings › Verification. */
export const WEB_ADDRESS_SETTINGS = {
  statusListUrl: {
    label: 'status list URL',
    example: 'https://pd.example.edu/status/1',
  },
  verifyPageUrl: {
    label: 'verify page URL',
    example: 'https://pd.example.edu/verify',
  },
} as const;
export type WebAddressSetting = keyof typeof WEB_ADDRESS_SETTINGS;

/** The problem with a Settings web address, naming the setting (`statusListUrl`, `verifyPageUrl`). */
export function webAddressSettingProblem(setting: WebAddressSetting, value: string): string | undefined {
  const { label, example } = WEB_ADDRESS_SETTINGS[setting];
  return httpsUrlProblem(value, `${label} (${setting})`, example);
}

/** The verify page a QR code opens when none is set: `<issuer url>/verify`, for an https issuer URL only. */
export function defaultVerifyPageUrl(issuerUrl: string | undefined): string | undefined {
  if (!issuerUrl || httpsUrlProblem(issuerUrl, 'issuer URL', 'https://pd.example.edu') !== undefined) return undefined;
  const url = new URL(issuerUrl);
  url.search = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/verify`;
  return url.toString();
}

/** The verify page in force: the setting when set, else `<issuer url>/verify`, else none. */
export function verifyPageUrl(settings: Pick<Settings, 'verifyPageUrl'>, issuerUrl: string | undefined) {
  return settings.verifyPageUrl !== '' ? settings.verifyPageUrl : defaultVerifyPageUrl(issuerUrl);
}

// Read leniently (a stored value is shown as it is, to be corrected); a change is checked by name.
const webAddress = z.string().max(MAX_URL);

export const settingsSchema = z.object({
  paper: paperSchema.default('a4'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['en']).default('en'),
  autoBackup: z.boolean().default(false),
  keepBackups: z.number().int().min(1).max(50).default(5),
  /** Where the issuing body hosts the status list of new credentials; '' = the package's, else `<issuer url>/status/N`. */
  statusListUrl: webAddress.default(''),
  /** The verify page the certificate's QR code opens; '' = `<issuer url>/verify`. */
  verifyPageUrl: webAddress.default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings: no defaults here, so the settings not named keep their values. */
export const settingsPatchSchema = z.object({
  paper: paperSchema.optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  language: z.enum(['en']).optional(),
  autoBackup: z.boolean().optional(),
  keepBackups: z.number().int().min(1).max(50).optional(),
  // Any text here: SettingsStore.set refuses a bad address with a message naming the setting.
  statusListUrl: z
    .string()
    .max(MAX_URL * 2)
    .optional(),
  verifyPageUrl: z
    .string()
    .max(MAX_URL * 2)
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
