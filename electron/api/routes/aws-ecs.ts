// ECS procedures (reads and actions) and CloudWatch task logs.
import * as ecsApi from '../../aws/ecs';
import * as actions from '../../aws/ecs-actions';
import { followLogs, logSources } from '../../aws/logs';
import { prettyJson } from '../../deploy/plan';
import { os } from '../base';

export const ecs = {
  clusters: os.aws.ecs.clusters.handler(({ context }) => context.aws.call('Listing ECS clusters', (c) => ecsApi.listClusters(c.ecs))),
  services: os.aws.ecs.services.handler(({ context, input }) =>
    context.aws.call(`Listing the services of ${input.cluster}`, (c) => ecsApi.listServices(c.ecs, input.cluster)),
  ),
  service: os.aws.ecs.service.handler(({ context, input }) =>
    context.aws.call(`Reading service ${input.service}`, (c) => ecsApi.serviceDetail(c.ecs, c.scaling, input.cluster, input.service)),
  ),
  tasks: os.aws.ecs.tasks.handler(({ context, input }) =>
    context.aws.call(`Listing the tasks of ${input.service ?? input.cluster}`, (c) => ecsApi.listTasks(c.ecs, input.cluster, input.service)),
  ),
  families: os.aws.ecs.families.handler(({ context }) => context.aws.call('Listing task definition families', (c) => ecsApi.listFamilies(c.ecs))),
  revisions: os.aws.ecs.revisions.handler(({ context, input }) =>
    context.aws.call(`Listing the revisions of ${input.family}`, (c) => ecsApi.listRevisions(c.ecs, input.family)),
  ),
  taskDefinition: os.aws.ecs.taskDefinition.handler(({ context, input }) =>
    context.aws.call(`Reading task definition ${input.taskDefinition}`, async (c) => {
      const td = await ecsApi.describeTaskDefinition(c.ecs, input.taskDefinition);
      return { arn: td.taskDefinitionArn ?? input.taskDefinition, json: prettyJson(td) };
    }),
  ),
  containerInstances: os.aws.ecs.containerInstances.handler(({ context, input }) =>
    context.aws.call(`Listing the container instances of ${input.cluster}`, (c) => ecsApi.listContainerInstances(c.ecs, input.cluster)),
  ),
  scale: os.aws.ecs.scale.handler(({ context, input }) =>
    context.aws.call(`Scaling ${input.service} to ${input.desiredCount}`, (c) => actions.scaleService(c.ecs, input.cluster, input.service, input.desiredCount)),
  ),
  forceDeployment: os.aws.ecs.forceDeployment.handler(({ context, input }) =>
    context.aws.call(`Forcing a new deployment of ${input.service}`, (c) => actions.forceNewDeployment(c.ecs, input.cluster, input.service)),
  ),
  rollBack: os.aws.ecs.rollBack.handler(({ context, input }) =>
    context.aws.call(`Rolling back ${input.service}`, (c) => actions.rollBack(c.ecs, input.cluster, input.service)),
  ),
  stopTask: os.aws.ecs.stopTask.handler(({ context, input }) =>
    context.aws.call(`Stopping task ${input.task.slice(-32)}`, (c) => actions.stopTask(c.ecs, input.cluster, input.task, input.reason)),
  ),
  runTask: os.aws.ecs.runTask.handler(({ context, input }) =>
    context.aws.call(`Running ${input.taskDefinition} in ${input.cluster}`, (c) => actions.runTask(c.ecs, input)),
  ),
  deregister: os.aws.ecs.deregister.handler(({ context, input }) =>
    context.aws.call(`Deregistering ${input.taskDefinition}`, (c) => actions.deregisterRevision(c.ecs, input.taskDefinition)),
  ),
};

export const logs = {
  sources: os.aws.logs.sources.handler(({ context, input }) =>
    context.aws.call(`Finding the logs of task ${input.task.slice(-32)}`, async (c) => {
      const [task] = await ecsApi.describeTasksByArn(c.ecs, input.cluster, [input.task]);
      if (!task) throw Object.assign(new Error(`No task ${input.task} in ${input.cluster}.`), { name: 'TaskNotFoundException' });
      const td = await ecsApi.describeTaskDefinition(c.ecs, task.taskDefinitionArn ?? '');
      return logSources(td, (task.taskArn ?? '').split('/').pop() ?? '');
    }),
  ),
  follow: os.aws.logs.follow.handler(async function* ({ context, input, signal }) {
    const c = context.aws.clients();
    try {
      yield* followLogs(c.logs, { group: input.group, ...(input.stream ? { stream: input.stream } : {}) }, { tail: input.tail, ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) return;
      throw await context.aws.toError(err, `Reading the logs of ${input.stream ?? input.group}`);
    }
  }),
};
