// Which AWS account Berth looks at: profile (from ~/.aws/config and credentials, or the
// standard chain), region, who that is (STS), and the registry host that stands for ECR's.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorText, useErrorToast } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';

export function useAccount() {
  return useQuery({ ...orpc.aws.account.status.queryOptions(), staleTime: 5_000 });
}

export function AccountBar() {
  const queryClient = useQueryClient();
  const toast = useErrorToast();
  const status = useAccount();
  const identity = useQuery({ ...orpc.aws.account.identity.queryOptions(), staleTime: 60_000, retry: false });
  const [hostDraft, setHostDraft] = useState<string>();
  // A new account changes every AWS answer: drop them all (not the engines' lists).
  const resetAws = () => queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes('"aws"') });
  const setAccount = useMutation({
    mutationFn: (input: { profile?: string | null; region?: string }) => client.aws.account.setAccount(input),
    onSuccess: () => resetAws(),
    onError: (e) => toast('Switching the AWS account failed', e),
  });
  const setHost = useMutation({
    mutationFn: (host: string | null) => client.aws.account.setRegistryHost({ host }),
    onSuccess: () => (setHostDraft(undefined), resetAws()),
    onError: (e) => toast('Saving the registry host failed', e),
  });
  const s = status.data;
  // The account may change elsewhere too (the Settings page): every AWS answer but this one is then stale.
  const accountKey = s ? `${s.profile ?? ''}|${s.region}|${s.ecrRegistryHost ?? ''}` : undefined;
  const seen = useRef(accountKey);
  useEffect(() => {
    if (!accountKey || seen.current === accountKey) return;
    const first = seen.current === undefined;
    seen.current = accountKey;
    if (!first) void queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes('"aws"') && !JSON.stringify(q.queryKey).includes('"status"') });
  }, [accountKey, queryClient]);
  if (!s) return <div className="aws-account muted">{status.error ? errorText(status.error) : 'Reading your AWS profiles…'}</div>;
  const host = hostDraft ?? s.ecrRegistryHost ?? '';
  return (
    <div className="aws-account" aria-label="AWS account">
      <label>
        Profile
        <select
          aria-label="AWS profile"
          value={s.profile ?? ''}
          onChange={(e) => setAccount.mutate({ profile: e.target.value || null })}
          disabled={setAccount.isPending}
        >
          <option value="">{s.envCredentials ? 'Environment (AWS_ACCESS_KEY_ID)' : 'Default chain (env, SSO, IMDS)'}</option>
          {s.profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.kind}
              {p.region ? `, ${p.region}` : ''})
            </option>
          ))}
        </select>
      </label>
      <label>
        Region
        <select aria-label="AWS region" value={s.region} onChange={(e) => setAccount.mutate({ region: e.target.value })} disabled={setAccount.isPending}>
          {[...new Set([s.region, ...s.regions])].map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <div className="aws-identity" data-testid="aws-identity">
        {identity.isPending ? (
          <span className="muted">Checking who you are…</span>
        ) : identity.error ? (
          <span className="danger-text" role="alert">
            {errorText(identity.error)}
          </span>
        ) : (
          <>
            <span className="strong">Account {identity.data?.account}</span>{' '}
            <span className="muted mono" title={identity.data?.arn}>
              {identity.data?.arn}
            </span>
          </>
        )}
      </div>
      <details className="aws-emulator">
        <summary>{s.endpoint ? `Endpoint ${s.endpoint}` : 'Registry'}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setHost.mutate(host.trim() || null);
          }}
        >
          <label>
            Registry host standing for ECR's (emulators only; empty: ECR's own)
            <input aria-label="ECR registry host" placeholder="e.g. 127.0.0.1:5001" value={host} onChange={(e) => setHostDraft(e.target.value)} />
          </label>
          <button type="submit" disabled={setHost.isPending}>
            Save
          </button>
        </form>
      </details>
    </div>
  );
}
