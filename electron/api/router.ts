// The one implementation of the contract, composed from one route file per feature.
// Inputs have passed the contract's zod schemas before any handler runs.
import { os } from './base';
import { containerDetail } from './routes/container-detail';
import { containers } from './routes/containers';
import { containerRun } from './routes/containers-run';
import { engines } from './routes/engines';
import { live } from './routes/live';

export type { BackendContext } from './base';
export const router = os.router({ engines, containers, containerRun, containerDetail, live });
export type Router = typeof router;
