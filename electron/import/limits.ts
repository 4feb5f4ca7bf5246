// The documented limits an import enforces (README: "Import limits"); a package beyond them is refused.
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const LIMITS = {
  /** manifest.json larger than this is refused before it is parsed. */
  manifestBytes: 32 * MiB,
  /** Entries in a .zip (files and folders). */
  zipEntries: 200_000,
  /** The sum of the uncompressed sizes a .zip declares. */
  zipTotalUncompressedBytes: 64 * GiB,
  /** One evidence file. */
  fileBytes: 16 * GiB,
  /** An achievement image. */
  imageBytes: 20 * MiB,
  /** Uncompressed / compressed for one zip entry larger than `zipRatioMinBytes` (zip-bomb guard). */
  zipMaxRatio: 200,
  zipRatioMinBytes: 1 * MiB,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };
