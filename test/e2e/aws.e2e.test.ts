// AWS in a real Chromium against `berth serve`, over moto, the stand-in registry and dockerd:
// pick a profile and region, see the seeded estate, drag a local image onto a service,
// read the plan's diff, apply, and see the new revision and the deployment's state.
import { RunTaskCommand } from '@aws-sdk/client-ecs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, startApp, type App } from '../support/app';
import { awsClients, awsEnv, keepMotoTasksRunning, removeEstate, PROFILE, REGION, seedEstate, seedLogs, STAND_IN_HOST, writeAwsFiles, type Estate } from '../support/aws';
import { BASE_IMAGE, engineClients, RUN_ID } from '../support/engines';
import { requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
let estate: Estate;
let taskId: string;
const docker = engineClients().docker;
const localRepo = `berth-e2e-aws-${RUN_ID}`;
const localImage = `${localRepo}:v2`;

beforeAll(async () => {
  await requireServices('docker', 'registry', 'moto', 'chromium');
  await keepMotoTasksRunning();
  await docker.getImage(BASE_IMAGE).tag({ repo: localRepo, tag: 'v2' });
  estate = await seedEstate();
  // moto's services start no tasks: run one in the service's group, as ECS would.
  const { ecs } = awsClients();
  const run = await ecs.send(
    new RunTaskCommand({
      cluster: estate.cluster,
      taskDefinition: `${estate.family}:1`,
      launchType: 'FARGATE',
      group: `service:${estate.service}`,
      networkConfiguration: { awsvpcConfiguration: { subnets: estate.subnets, securityGroups: estate.securityGroups } },
    }),
  );
  taskId = run.tasks![0]!.taskArn!.split('/').pop()!;
  await seedLogs(estate, taskId, ['server starting', 'listening on :8080']);
  ecs.destroy();
  app = await startApp({ env: awsEnv(writeAwsFiles()) });
  browser = await launchChromium();
  page = await openApp(browser, app, { width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await removeEstate(estate);
  const mine = await docker.listImages({ filters: JSON.stringify({ reference: [`${localRepo}*`, `${STAND_IN_HOST}/${estate?.repository ?? 'none'}*`] }) });
  for (const img of mine) for (const t of img.RepoTags ?? []) await docker.getImage(t).remove().catch(() => undefined);
});

const serviceRow = () => page.locator(`tr[data-service="${estate.service}"]`);

describe('AWS page', () => {
  it('picks a profile and region and shows who you are', async () => {
    await page.getByRole('link', { name: 'AWS' }).click();
    // A profile whose credentials have expired says so, with what to do.
    await page.getByLabel('AWS profile').selectOption('expired');
    await expect.poll(() => page.getByTestId('aws-identity').innerText()).toMatch(/credentials of profile "expired" have expired/);
    await screenshot(page, 'aws-expired-profile');
    await page.getByLabel('AWS profile').selectOption(PROFILE);
    await page.getByLabel('AWS region').selectOption(REGION);
    await expect.poll(() => page.getByTestId('aws-identity').innerText()).toMatch(/Account 123456789012/);
    await page.locator('.aws-emulator summary').click();
    await page.getByLabel('ECR registry host').fill(STAND_IN_HOST);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByLabel('ECR registry host').inputValue()).toBe(STAND_IN_HOST);
    expect(app.backend.context.settings.get().aws).toMatchObject({ profile: PROFILE, region: REGION, ecrRegistryHost: STAND_IN_HOST });
  });

  it('shows the seeded cluster, its service and its task', async () => {
    await page.getByRole('button', { name: new RegExp(`^${estate.cluster}`) }).click();
    await expect.poll(() => serviceRow().count()).toBe(1);
    expect(await serviceRow().getByTestId('service-taskdef').innerText()).toBe(`${estate.family}:1`);
    await expect.poll(() => page.locator(`tr[data-task="${taskId}"]`).count()).toBe(1);
    expect(await page.locator(`tr[data-task="${taskId}"]`).innerText()).toMatch(/RUNNING/);
    await screenshot(page, 'aws-ecs-cluster');
    await page.getByRole('button', { name: `Logs of ${taskId}` }).click();
    await expect.poll(() => page.getByRole('log').innerText()).toMatch(/server starting[\s\S]*listening on :8080/);
    await screenshot(page, 'aws-task-logs');
    await page.getByLabel('Task logs').getByRole('button', { name: 'Close' }).click();
  });

  it('drags a local image onto the service, reads the plan, applies, and sees the new revision and the deployment state', async () => {
    const source = page.locator(`li[data-image="${localImage}"]`).first();
    await expect.poll(() => source.count()).toBe(1);
    await source.dragTo(serviceRow());
    const dialog = page.getByRole('dialog', { name: 'Deploy' });
    await expect.poll(() => dialog.getByLabel('Task definition diff').isVisible(), { timeout: 20_000 }).toBe(true);
    const target = await dialog.getByTestId('plan-target').innerText();
    expect(target).toMatch(new RegExp(`^${STAND_IN_HOST}/${estate.repository}:v2-[0-9a-f]{12}$`));
    const diff = dialog.getByLabel('Task definition diff');
    expect(await diff.locator('.diff-removed').allInnerTexts()).toEqual([`-       "image": "${STAND_IN_HOST}/${estate.repository}:v1",`]);
    expect(await diff.locator('.diff-added').allInnerTexts()).toEqual([`+       "image": "${target}",`]);
    await screenshot(page, 'aws-deploy-plan');

    await dialog.getByLabel('Watch seconds').fill('6');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const outcome = dialog.locator('[data-outcome]');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('in-progress');
    expect(await outcome.innerText()).toMatch(/still in progress/);
    for (const step of ['tag', 'token', 'repository', 'push', 'register', 'update', 'watch']) {
      expect(await dialog.locator(`[data-step="${step}"]`).getAttribute('data-state'), step).toBe('done');
    }
    await screenshot(page, 'aws-deploy-applied');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect.poll(() => serviceRow().getByTestId('service-taskdef').innerText()).toBe(`${estate.family}:2`);
    await serviceRow().click();
    const deployments = page.getByRole('table', { name: 'Deployments' });
    await expect.poll(() => deployments.innerText()).toMatch(/PRIMARY[\s\S]*IN_PROGRESS/);
    await screenshot(page, 'aws-service-detail');
  });

  it("runs a one-off Fargate task with the service's network, and it shows in the cluster", async () => {
    await page.getByRole('button', { name: 'Run task…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run a task' });
    expect(await dialog.getByLabel(/^Subnets/).inputValue()).toBe(estate.subnets.join(', '));
    expect(await dialog.getByLabel('Security groups').inputValue()).toBe(estate.securityGroups.join(', '));
    await dialog.getByLabel(/^Task definition/).fill(`${estate.family}:1`);
    await screenshot(page, 'aws-run-task');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: new RegExp(`^${estate.cluster}`) }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Tasks' }).locator('tr[data-task]').count()).toBe(2);
  });

  it('shows the pushed image in the ECR repository', async () => {
    await page.getByRole('tab', { name: 'ECR' }).click();
    await page.locator(`tr[data-repository="${estate.repository}"]`).click();
    const images = page.getByRole('table', { name: 'Images' });
    await expect.poll(() => images.innerText()).toMatch(/v2-[0-9a-f]{12}/);
    await screenshot(page, 'aws-ecr-images');
  });

  it('Deploy on a local image asks for the service, shows the plan, and Cancel does nothing', async () => {
    await page.getByRole('tab', { name: 'ECS' }).click();
    await page.getByRole('button', { name: new RegExp(`^${estate.cluster}`) }).click();
    await page.getByRole('button', { name: `Deploy ${localImage}` }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Deploy' });
    await dialog.getByLabel('Service').selectOption(estate.service);
    await expect.poll(() => dialog.getByTestId('plan-target').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await dialog.innerText()).toMatch(new RegExp(`${estate.family}:2 → ${estate.family}:next`));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await serviceRow().getByTestId('service-taskdef').innerText()).toBe(`${estate.family}:2`);
  });

  it('shows task definition revisions as JSON', async () => {
    await page.getByRole('tab', { name: 'Task definitions' }).click();
    await page.getByRole('button', { name: estate.family, exact: true }).click();
    await expect.poll(() => page.getByLabel('Task definition JSON').innerText()).toMatch(new RegExp(`"family": "${estate.family}"`));
    await screenshot(page, 'aws-task-definitions');
  });
});
