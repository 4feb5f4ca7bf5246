// The screens of the left navigation, in order (Calibration only while a package in the library has calibration).
export const SCREENS = ['queue', 'calibration', 'review', 'awards', 'library', 'coordination', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
