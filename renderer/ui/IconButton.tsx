// A square button that shows only an icon: its name is the label (read aloud), and a tooltip says it for the eye.
import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon.js';

export type IconButtonProps = {
  icon: IconName;
  label: string;
  /** The tooltip; the label unless it names a shortcut too. */
  title?: string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'title' | 'aria-label' | 'children'>;

export function IconButton({ icon, label, title = label, ...rest }: IconButtonProps) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={title} {...rest}>
      <Icon name={icon} />
    </button>
  );
}
