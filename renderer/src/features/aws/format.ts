// Small display helpers for AWS rows.
export const shortArn = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export function ago(ms?: number, now = Date.now()): string {
  if (!ms) return '—';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function bytes(n?: number): string {
  if (n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A CSS class for an AWS status word (ACTIVE, RUNNING, COMPLETED, FAILED, ...). */
export function statusClass(status?: string): string {
  const s = (status ?? '').toUpperCase();
  if (/^(ACTIVE|RUNNING|COMPLETED|PRIMARY|COMPLETE)$/.test(s)) return 'badge state-running';
  if (/(FAILED|STOPPED|INACTIVE|DRAINING)/.test(s)) return 'badge aws-bad';
  if (/(PENDING|PROVISIONING|IN_PROGRESS|ACTIVATING|DEACTIVATING|STOPPING|DEPROVISIONING)/.test(s)) return 'badge state-paused';
  return 'badge';
}
