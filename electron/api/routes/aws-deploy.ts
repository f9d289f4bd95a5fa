// Deploy: local images to pick from, the plan (read-only), and apply as a stream of steps.
import { engineMessage } from '../../engines/errors';
import { deploySteps, planDeploy, publicPlan } from '../../deploy/pipeline';
import { runSteps, type RunEvent } from '../../deploy/runner';
import { os } from '../base';
import type { LocalImageRow } from '../contracts/aws';

export const deploy = {
  localImages: os.aws.deploy.localImages.handler(async ({ context, input }) => {
    const engines = input.engineId ? [context.registry.get(input.engineId)] : context.registry.connectedEngines();
    const lists = await Promise.all(
      engines.map(async (e): Promise<LocalImageRow[]> => {
        try {
          const images = await e.docker.listImages();
          return images
            .filter((i) => (i.RepoTags ?? []).some((t) => t !== '<none>:<none>'))
            .map((i) => ({
              engineId: e.id,
              engineName: e.snapshot.name,
              id: i.Id,
              tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
              size: i.Size,
              created: i.Created,
            }));
        } catch (err) {
          console.warn(`berth: listing images on ${e.snapshot.name} failed: ${engineMessage(err)}`);
          return [];
        }
      }),
    );
    return lists.flat().sort((a, b) => b.created - a.created);
  }),
  plan: os.aws.deploy.plan.handler(({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    return context.aws.call(`Planning the deploy of ${input.image} to ${input.service}`, async (c) =>
      publicPlan(await planDeploy({ docker: engine.docker, aws: c, login: context.aws.loginOptions() }, input)),
    );
  }),
  apply: os.aws.deploy.apply.handler(async function* ({ context, input, signal }): AsyncGenerator<RunEvent> {
    const engine = context.registry.get(input.engineId);
    const c = context.aws.clients();
    const deps = { docker: engine.docker, aws: c, login: context.aws.loginOptions() };
    // The plan is made again here from what AWS and the engine say now: the renderer's copy is never trusted.
    const plan = await context.aws.call(`Planning the deploy of ${input.image} to ${input.service}`, () => planDeploy(deps, input));
    yield* runSteps(deploySteps(deps, plan, { watchSeconds: input.watchSeconds }), signal);
  }),
};
