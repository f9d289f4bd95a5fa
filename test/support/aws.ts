// AWS fixtures against moto: a temporary AWS config (profiles) for the app under test,
// and a seeded estate (cluster, Fargate service, task definition, auto scaling, log
// events) made through the AWS SDK with names unique to this run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationAutoScalingClient, PutScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogGroupCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, DeleteRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { MOTO_URL, REGISTRY } from './services';
import { uniqueName } from './engines';

export const REGION = 'us-east-1';
export const PROFILE = 'berth-moto';
/** The local registry's password for user AWS (scripts/test-env.sh); moto's token is not it. */
export const STAND_IN_PASSWORD = process.env.BERTH_TEST_ECR_PASSWORD ?? 'berth-ecr-password';
const credentials = { accessKeyId: 'AKIAMOTOTEST', secretAccessKey: 'moto-secret' };
const config = { region: REGION, endpoint: MOTO_URL, credentials };

/** Writes an AWS config and credentials file (profiles PROFILE, "expired", "sso-user", "no-keys"). */
export function writeAwsFiles(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-aws-'))) {
  const expired = path.join(dir, 'expired-creds.sh');
  fs.writeFileSync(
    expired,
    `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAEXPIRED","SecretAccessKey":"x","SessionToken":"y","Expiration":"2020-01-01T00:00:00Z"}'\n`,
    { mode: 0o700 },
  );
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(
    configFile,
    [
      `[profile ${PROFILE}]`, `region = ${REGION}`,
      '[profile expired]', `region = ${REGION}`, `credential_process = ${expired}`,
      '[profile sso-user]', 'region = eu-west-1', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = Dev',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1',
      '[profile no-keys]', 'region = eu-central-1', '',
    ].join('\n'),
  );
  fs.writeFileSync(credentialsFile, [`[${PROFILE}]`, `aws_access_key_id = ${credentials.accessKeyId}`, `aws_secret_access_key = ${credentials.secretAccessKey}`, ''].join('\n'));
  return { dir, configFile, credentialsFile };
}

/** The env the app under test runs with: moto, the temp files, the stand-in registry's password. */
export function awsEnv(files: { configFile: string; credentialsFile: string }): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete env[k];
  return {
    ...env,
    AWS_ENDPOINT_URL: MOTO_URL,
    AWS_CONFIG_FILE: files.configFile,
    AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
    BERTH_ECR_PASSWORD_OVERRIDE: STAND_IN_PASSWORD,
  };
}

export const STAND_IN_HOST = REGISTRY;

export const awsClients = () => ({
  ecs: new ECSClient(config),
  ecr: new ECRClient(config),
  ec2: new EC2Client(config),
  logs: new CloudWatchLogsClient(config),
  scaling: new ApplicationAutoScalingClient(config),
});

/** moto moves a task one state per DescribeTasks; keep tasks where they are (moto-wide, idempotent). */
export async function keepMotoTasksRunning(): Promise<void> {
  const res = await fetch(`${MOTO_URL}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times: 1_000_000 } }),
  });
  if (!res.ok) throw new Error(`moto refused the ECS task transition: ${res.status}`);
}

export interface Estate {
  cluster: string;
  service: string;
  family: string;
  container: string;
  repository: string;
  logGroup: string;
  subnets: string[];
  securityGroups: string[];
}

/** A cluster with a Fargate service (one task definition, awslogs), auto scaling, an ECR repository and log events. */
export async function seedEstate(opts: { taskId?: string } = {}): Promise<Estate> {
  const c = awsClients();
  const cluster = uniqueName('cl');
  const service = uniqueName('web');
  const family = uniqueName('fam');
  const container = 'web';
  const repository = uniqueName('repo');
  const logGroup = `/ecs/${family}`;
  const subnets = ((await c.ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? []).slice(0, 1).map((s) => s.SubnetId!);
  const securityGroups = ((await c.ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? []).slice(0, 1).map((g) => g.GroupId!);
  await c.ecs.send(new CreateClusterCommand({ clusterName: cluster, capacityProviders: ['FARGATE'] }));
  await c.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: container,
          image: `${STAND_IN_HOST}/${repository}:v1`,
          essential: true,
          memory: 512,
          cpu: 256,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroup, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' } },
        },
      ],
    }),
  );
  await c.ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: family,
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups, assignPublicIp: 'ENABLED' } },
    }),
  );
  const ResourceId = `service/${cluster}/${service}`;
  await c.scaling.send(new RegisterScalableTargetCommand({ ServiceNamespace: 'ecs', ResourceId, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 4 }));
  await c.scaling.send(
    new PutScalingPolicyCommand({
      ServiceNamespace: 'ecs',
      ResourceId,
      ScalableDimension: 'ecs:service:DesiredCount',
      PolicyName: 'cpu50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    }),
  );
  await c.ecr.send(new CreateRepositoryCommand({ repositoryName: repository, imageScanningConfiguration: { scanOnPush: true } }));
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: logGroup }));
  for (const client of Object.values(c)) client.destroy();
  return { cluster, service, family, container, repository, logGroup, subnets, securityGroups };
}

/** Writes log events to a task container's awslogs stream (ECS under moto writes none). */
export async function seedLogs(estate: Estate, taskId: string, lines: string[]): Promise<string> {
  const logs = new CloudWatchLogsClient(config);
  const stream = `ecs/${estate.container}/${taskId}`;
  await logs.send(new CreateLogStreamCommand({ logGroupName: estate.logGroup, logStreamName: stream }));
  const now = Date.now();
  await logs.send(new PutLogEventsCommand({ logGroupName: estate.logGroup, logStreamName: stream, logEvents: lines.map((message, i) => ({ timestamp: now - lines.length + i, message })) }));
  logs.destroy();
  return stream;
}

/** Removes what seedEstate made (and whatever revisions and tasks the test added to it). */
export async function removeEstate(estate: Estate | undefined): Promise<void> {
  if (!estate) return;
  const c = awsClients();
  const quiet = <T>(p: Promise<T>) => p.catch(() => undefined);
  const tasks = (await quiet(c.ecs.send(new ListTasksCommand({ cluster: estate.cluster }))))?.taskArns ?? [];
  for (const task of tasks) await quiet(c.ecs.send(new StopTaskCommand({ cluster: estate.cluster, task })));
  await quiet(c.ecs.send(new DeleteServiceCommand({ cluster: estate.cluster, service: estate.service, force: true })));
  await quiet(c.ecs.send(new DeleteClusterCommand({ cluster: estate.cluster })));
  const revisions = (await quiet(c.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: estate.family }))))?.taskDefinitionArns ?? [];
  for (const taskDefinition of revisions) await quiet(c.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition })));
  await quiet(c.ecr.send(new DeleteRepositoryCommand({ repositoryName: estate.repository, force: true })));
  await quiet(c.logs.send(new DeleteLogGroupCommand({ logGroupName: estate.logGroup })));
  for (const client of Object.values(c)) client.destroy();
}
