// The screens of the left navigation, in order.
export const SCREENS = ['queue', 'review', 'awards', 'library', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
