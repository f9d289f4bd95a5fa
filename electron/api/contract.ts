// The one contract between the renderer and the backend. Both transports (Electron's
// MessagePort and `berth serve`'s WebSocket) serve exactly this, from one router.
// One file per feature under contracts/; this file only composes them.
import { containerDetail } from './contracts/container-detail';
import { containers } from './contracts/containers';
import { containerRun } from './contracts/containers-run';
import { engines } from './contracts/engines';
import { live } from './contracts/live';

export const contract = { engines, containers, containerRun, containerDetail, live };
export type Contract = typeof contract;
