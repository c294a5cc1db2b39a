import { ActionButton } from '../components/ActionButton';
import { strings } from '../strings';
import { useSignOut } from './use-sign-out';

export function SignOutButton({ className = 'button button-quiet' }: { className?: string }) {
  const signOut = useSignOut();
  return (
    <ActionButton className={className} onPress={() => signOut.mutate()} isPending={signOut.isPending}>
      {signOut.isPending ? strings.shell.signingOut : strings.shell.signOut}
    </ActionButton>
  );
}
