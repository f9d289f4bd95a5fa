// Deploy a local image to an ECS service: the plan (read-only), then the steps
// tag → ECR token → repository → push → register revision → update service → watch.
import { RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type Docker from 'dockerode';
import { ecrImageRef, ecrLogin, createRepository, repositoryExists, type EcrLogin } from '../aws/ecr';
import { recordStandInPush, type LoginOptions } from '../aws/ecr-transfer';
import { updateServiceTaskDefinition } from '../aws/ecs-actions';
import { describeServices, describeTaskDefinition, parseTaskDefinitionArn } from '../aws/ecs';
import type { AwsClients } from '../aws/session';
import { pushImage, tagImage } from '../engines/image-transfer';
import { diffLines, deployTag, prettyJson, registerInputFrom, repositoryFor, withImage, type DiffLine } from './plan';
import type { Step } from './runner';

export interface DeployTarget {
  engineId: string;
  /** The local image: a reference or an id. */
  image: string;
  cluster: string;
  service: string;
  /** The container whose image changes (required when the task has several). */
  container?: string;
  repository?: string;
  tag?: string;
}

export interface DeployPlan {
  source: string;
  imageId: string;
  cluster: string;
  service: string;
  registryHost: string;
  standIn: boolean;
  repository: string;
  repositoryExists: boolean;
  tag: string;
  targetRef: string;
  containers: Array<{ name: string; image: string }>;
  container: string;
  currentTaskDefinition: string;
  family: string;
  currentRevision?: number;
  diff: DiffLine[];
}

export interface DeployDeps {
  docker: Docker;
  aws: AwsClients;
  login: LoginOptions;
}

export async function planDeploy(deps: DeployDeps, t: DeployTarget): Promise<DeployPlan & { login: EcrLogin; newInput: ReturnType<typeof withImage> }> {
  const { ecs, ecr } = deps.aws;
  let info: Docker.ImageInspectInfo;
  try {
    info = await deps.docker.getImage(t.image).inspect();
  } catch (err) {
    throw Object.assign(new Error(`No local image "${t.image}" on this engine: ${(err as Error).message}`), { name: 'ImageNotFoundException' });
  }
  const [svc] = await describeServices(ecs, t.cluster, [t.service]);
  if (!svc?.taskDefinition) throw Object.assign(new Error(`Service ${t.service} in ${t.cluster} has no task definition.`), { name: 'ServiceNotFoundException' });
  const td = await describeTaskDefinition(ecs, svc.taskDefinition);
  const containers = (td.containerDefinitions ?? []).map((c) => ({ name: c.name ?? '', image: c.image ?? '' }));
  // Several containers: the user picks (the plan lists them); until then, the first whose
  // image comes from ECR (or the stand-in), else the first.
  const login = await ecrLogin(ecr, deps.login);
  const fromRegistry = containers.find((c) => c.image.startsWith(`${login.host}/`) || /\.dkr\.ecr\./.test(c.image));
  const container = t.container ?? fromRegistry?.name ?? containers[0]?.name;
  if (!container) throw Object.assign(new Error(`The task definition ${td.family} has no containers.`), { name: 'InvalidParameterException' });
  const source = (info.RepoTags?.includes(t.image) || /^sha256:/.test(t.image) ? t.image : info.RepoTags?.[0]) ?? t.image;
  const repository = t.repository ?? repositoryFor(containers.find((c) => c.name === container)?.image, source, deps.login.standInHost);
  const tag = t.tag ?? deployTag(source, info.Id);
  const targetRef = ecrImageRef(login.host, repository, tag);
  const oldInput = registerInputFrom(td);
  const newInput = withImage(oldInput, container, targetRef);
  const { family, revision } = parseTaskDefinitionArn(svc.taskDefinition);
  return {
    source,
    imageId: info.Id,
    cluster: t.cluster,
    service: t.service,
    registryHost: login.host,
    standIn: login.standIn,
    repository,
    repositoryExists: await repositoryExists(ecr, repository),
    tag,
    targetRef,
    containers,
    container,
    currentTaskDefinition: svc.taskDefinition,
    family,
    ...(revision !== undefined ? { currentRevision: revision } : {}),
    diff: diffLines(prettyJson(oldInput), prettyJson(newInput)),
    login,
    newInput,
  };
}

/** The public part of a plan (no credentials). */
export function publicPlan(p: Awaited<ReturnType<typeof planDeploy>>): DeployPlan {
  const { login: _login, newInput: _input, ...rest } = p;
  return rest;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export function deploySteps(deps: DeployDeps, plan: Awaited<ReturnType<typeof planDeploy>>, opts: { watchSeconds: number; pollMs?: number }): Step[] {
  const { ecr, ecs } = deps.aws;
  let login = plan.login;
  let newArn = '';
  return [
    {
      id: 'tag',
      label: `Tag ${plan.source}`,
      run: async () => (await tagImage(deps.docker, plan.source, plan.targetRef), { detail: `Tagged as ${plan.targetRef}` }),
    },
    {
      id: 'token',
      label: 'Get an ECR token',
      run: async () => {
        login = await ecrLogin(ecr, deps.login);
        return { detail: `Token for ${login.auth.username}@${login.host}${login.standIn ? ' (stand-in registry)' : ''}` };
      },
    },
    {
      id: 'repository',
      label: `Repository ${plan.repository}`,
      run: async () => {
        if (await repositoryExists(ecr, plan.repository)) return { detail: 'Exists' };
        await createRepository(ecr, { name: plan.repository });
        return { detail: 'Created' };
      },
    },
    {
      id: 'push',
      label: `Push ${plan.targetRef}`,
      run: async ({ signal, report }) => {
        const done = await pushImage(deps.docker, plan.targetRef, {
          auth: login.auth,
          signal,
          onProgress: (s) => report({ progress: s.fraction, detail: s.message ?? `${s.layers.length} layers` }),
        });
        await recordStandInPush(ecr, login, plan.repository, plan.tag);
        return { detail: `Pushed${done.digest ? ` ${done.digest}` : ''}${login.standIn ? '; recorded in ECR (PutImage) for the stand-in registry' : ''}` };
      },
    },
    {
      id: 'register',
      label: `Register a new revision of ${plan.family}`,
      run: async ({ signal }) => {
        const r = await ecs.send(new RegisterTaskDefinitionCommand(plan.newInput), { abortSignal: signal });
        newArn = r.taskDefinition?.taskDefinitionArn ?? '';
        return { detail: `Registered ${plan.family}:${r.taskDefinition?.revision ?? '?'}` };
      },
    },
    {
      id: 'update',
      label: `Update service ${plan.service}`,
      run: async () => {
        const s = await updateServiceTaskDefinition(ecs, plan.cluster, plan.service, newArn);
        return { detail: `${plan.service} now runs ${s.family}:${s.revision ?? '?'}` };
      },
    },
    {
      id: 'watch',
      label: 'Watch the deployment',
      run: async ({ signal, report }) => {
        const started = Date.now();
        const until = started + opts.watchSeconds * 1000;
        const revision = parseTaskDefinitionArn(newArn).revision;
        const lines: string[] = [];
        const seen = new Set<string>();
        let state = 'no deployment yet';
        while (!signal.aborted) {
          const [svc] = await describeServices(ecs, plan.cluster, [plan.service]);
          for (const e of [...(svc?.events ?? [])].reverse()) {
            if (!e.id || seen.has(e.id) || (e.createdAt && e.createdAt.getTime() < started - 5000)) continue;
            seen.add(e.id);
            lines.push(`${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`.trim());
          }
          const dep = svc?.deployments?.find((d) => d.taskDefinition === newArn);
          if (dep) {
            state = `${dep.rolloutState ?? dep.status}: ${dep.runningCount ?? 0}/${dep.desiredCount ?? 0} running, ${dep.pendingCount ?? 0} pending, ${dep.failedTasks ?? 0} failed`;
            if (dep.rolloutState === 'COMPLETED') return { detail: `Rollout completed (${state})`, outcome: 'completed', message: `Revision ${revision} is deployed: the rollout completed.`, lines };
            if (dep.rolloutState === 'FAILED') throw new Error(`The rollout failed: ${dep.rolloutStateReason ?? state}`);
          } else {
            const primary = svc?.deployments?.find((d) => d.status === 'PRIMARY');
            state = `ECS shows no deployment of revision ${revision} yet${primary ? ` (primary: revision ${parseTaskDefinitionArn(primary.taskDefinition ?? '').revision}, ${primary.rolloutState ?? primary.status})` : ''}`;
          }
          report({ detail: state, lines: [...lines] });
          if (Date.now() >= until) break;
          await sleep(Math.min(opts.pollMs ?? 3000, Math.max(0, until - Date.now())), signal);
        }
        if (signal.aborted) throw Object.assign(new Error('Cancelled.'), { name: 'AbortError' });
        return {
          detail: `Still in progress after ${opts.watchSeconds} s: ${state}`,
          outcome: 'in-progress',
          message: `The service runs revision ${revision}, but ECS has not reported the rollout as completed within ${opts.watchSeconds} s. It is still in progress: watch the service's deployments.`,
          lines,
        };
      },
    },
  ];
}
