import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditVerifyResult } from '../../api/types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { strings } from '../../strings';

/** Recomputing the audit chain on the server: the button sits with the page title, the answer below it. */
export function useAuditVerify() {
  return useMutation({
    mutationFn: () => api<AuditVerifyResult>('/api/audit/verify', { method: 'POST' }),
  });
}

type Verify = ReturnType<typeof useAuditVerify>;

export function AuditVerifyButton({ verify }: { verify: Verify }) {
  return (
    <ActionButton className="button button-secondary" onPress={() => verify.mutate()} isPending={verify.isPending}>
      {strings.audit.verify}
    </ActionButton>
  );
}

/** Says, plainly, whether anything in the log was altered, and where. */
export function AuditVerifyResult({ verify }: { verify: Verify }) {
  const result = verify.data;
  return (
    <div className="verify-result">
      <FormStatus
        pending={verify.isPending}
        pendingText={strings.audit.verifying}
        error={verify.error}
        success={result?.ok ? strings.audit.verifyOk(result.sealed, result.unsealed) : null}
      />
      {result && !result.ok && !verify.isPending ? (
        <div className="notice notice-error" role="alert">
          <p>{strings.audit.verifyProblems(result.problems.length)}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={`${p.chainSeq ?? p.eventId ?? ''}-${i}`}>
                {strings.audit.problemAt(String(p.chainSeq ?? p.eventId ?? '?'), p.problem)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
