import type { ReactNode } from 'react';

/** A big toggle button: one of a set of choices, pressed when it is the current one. */
export function Choice({
  on,
  onClick,
  testId,
  disabled,
  children,
}: {
  on: boolean;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`ctl-choice${on ? ' ctl-choice-on' : ''}`}
      aria-pressed={on}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
