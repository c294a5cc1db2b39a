import { Button, type ButtonProps } from 'react-aria-components';

interface ActionButtonProps extends Omit<ButtonProps, 'isPending'> {
  /** While true the button stays focusable but does nothing, and says so (aria-disabled). */
  isPending?: boolean;
}

/**
 * A button for an action that talks to the server. While the request is out it keeps focus (so
 * keyboard and screen-reader users stay where they were) but ignores presses; the form's own
 * status region says “Sending…”. React Aria's own `isPending` is not used: its announcement
 * leaves an unnamed role="img" element behind in the live region once the button is gone.
 */
export function ActionButton({ isPending, onPress, type, children, ...props }: ActionButtonProps) {
  return (
    <Button
      {...props}
      type={isPending ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
    >
      {children}
    </Button>
  );
}
