// The one implementation of the contract, composed from one route file per feature.
// Inputs have passed the contract's zod schemas before any handler runs.
import { os } from './base';
import { aws } from './routes/aws';
import { containerDetail } from './routes/container-detail';
import { containerRun } from './routes/containers-run';
import { containers } from './routes/containers';
import { diagnostics } from './routes/diagnostics';
import { engines } from './routes/engines';
import { live } from './routes/live';
import { pods } from './routes/pods';
import { settings } from './routes/settings';
import { builds } from './routes/builds';
import { images } from './routes/images';
import { networks } from './routes/networks';
import { registries } from './routes/registries';
import { volumes } from './routes/volumes';

export type { BackendContext } from './base';
export const router = os.router({ engines, containers, containerRun, containerDetail, live, settings, diagnostics, aws, pods, images, builds, registries, volumes, networks });
export type Router = typeof router;
