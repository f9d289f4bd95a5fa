// The one contract between the renderer and the backend. Both transports (Electron's
// MessagePort and `berth serve`'s WebSocket) serve exactly this, from one router.
// One file per feature under contracts/; this file only composes them.
import { aws } from './contracts/aws';
import { containerDetail } from './contracts/container-detail';
import { containerRun } from './contracts/containers-run';
import { containers } from './contracts/containers';
import { diagnostics } from './contracts/diagnostics';
import { engines } from './contracts/engines';
import { live } from './contracts/live';
import { pods } from './contracts/pods';
import { settings } from './contracts/settings';
import { builds } from './contracts/builds';
import { images } from './contracts/images';
import { networks } from './contracts/networks';
import { registries } from './contracts/registries';
import { volumes } from './contracts/volumes';

export const contract = { engines, containers, containerRun, containerDetail, live, settings, diagnostics, aws, pods, images, builds, registries, volumes, networks };
export type Contract = typeof contract;
