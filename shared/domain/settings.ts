// The assessor's settings, and a change to some of them.
import { z } from 'zod';
import { paperSchema } from './awards.js';

export const settingsSchema = z.object({
  paper: paperSchema.default('a4'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['en']).default('en'),
  autoBackup: z.boolean().default(false),
  keepBackups: z.number().int().min(1).max(50).default(5),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings: no defaults here, so the settings not named keep their values. */
export const settingsPatchSchema = z.object({
  paper: paperSchema.optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  language: z.enum(['en']).optional(),
  autoBackup: z.boolean().optional(),
  keepBackups: z.number().int().min(1).max(50).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
