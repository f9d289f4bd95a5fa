// Application Auto Scaling for an ECS service: its scalable target (min/max) and policies.
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  type ApplicationAutoScalingClient,
} from '@aws-sdk/client-application-auto-scaling';

export interface ServiceScaling {
  target?: { min: number; max: number; suspended: boolean };
  policies: Array<{ name: string; type: string; summary: string }>;
}

function policySummary(p: { PolicyType?: string; TargetTrackingScalingPolicyConfiguration?: { TargetValue?: number; PredefinedMetricSpecification?: { PredefinedMetricType?: string }; CustomizedMetricSpecification?: { MetricName?: string } }; StepScalingPolicyConfiguration?: { AdjustmentType?: string; StepAdjustments?: unknown[] } }): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (tt) {
    const metric = tt.PredefinedMetricSpecification?.PredefinedMetricType ?? tt.CustomizedMetricSpecification?.MetricName ?? 'a metric';
    return `keep ${metric} at ${tt.TargetValue}`;
  }
  const step = p.StepScalingPolicyConfiguration;
  if (step) return `${step.StepAdjustments?.length ?? 0} steps (${step.AdjustmentType ?? 'adjustment'})`;
  return p.PolicyType ?? '';
}

export async function describeScaling(client: ApplicationAutoScalingClient, cluster: string, service: string): Promise<ServiceScaling> {
  const ResourceId = `service/${cluster}/${service}`;
  const [targets, policies] = await Promise.all([
    client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [ResourceId] })),
    client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId })),
  ]);
  const t = targets.ScalableTargets?.find((x) => x.ScalableDimension === 'ecs:service:DesiredCount');
  const suspended = !!(t?.SuspendedState?.DynamicScalingInSuspended || t?.SuspendedState?.DynamicScalingOutSuspended || t?.SuspendedState?.ScheduledScalingSuspended);
  return {
    ...(t ? { target: { min: t.MinCapacity ?? 0, max: t.MaxCapacity ?? 0, suspended } } : {}),
    policies: (policies.ScalingPolicies ?? []).map((p) => ({ name: p.PolicyName ?? '', type: p.PolicyType ?? '', summary: policySummary(p) })),
  };
}
