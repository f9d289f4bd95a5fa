// The shapes that cross the process boundary. Every RPC input is parsed by one of
// these before a handler runs; outputs are typed by them so renderer and backend agree.
import { z } from 'zod';

/** An engine id is a short slug made by the backend (see engines/registry.ts). */
export const EngineId = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'not an engine id');

/** Container ids are hex (Docker, Podman); names are accepted too, as the engines do. */
export const ContainerRef = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'not a container id or name');

export const EngineKind = z.enum(['docker', 'podman', 'unknown']);
export const EngineState = z.enum(['connecting', 'connected', 'disconnected']);
export const EndpointSource = z.enum(['env', 'docker-context', 'default-socket', 'podman-machine', 'manual']);

export const EngineInfo = z.object({
  id: EngineId,
  name: z.string(),
  endpoint: z.string(),
  source: EndpointSource,
  kind: EngineKind,
  state: EngineState,
  /** Why the engine is not connected, in words a user can act on. */
  reason: z.string().optional(),
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  os: z.string().optional(),
  arch: z.string().optional(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

export const PortMapping = z.object({
  ip: z.string().optional(),
  privatePort: z.number().int(),
  publicPort: z.number().int().optional(),
  type: z.string(),
});

export const ContainerStateName = z.enum(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead', 'unknown']);

export const ContainerRow = z.object({
  engineId: EngineId,
  id: z.string(),
  name: z.string(),
  image: z.string(),
  command: z.string(),
  state: ContainerStateName,
  status: z.string(),
  ports: z.array(PortMapping),
  labels: z.record(z.string(), z.string()),
  created: z.number(),
});
export type ContainerRow = z.infer<typeof ContainerRow>;

/**
 * One message of the live stream. A container event carries the container's fresh
 * row (null once it is gone) so the UI patches that one row and never re-lists.
 */
export const LiveEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('engine'), engine: EngineInfo }),
  z.object({ kind: z.literal('engine-removed'), engineId: EngineId }),
  /** Any other engine object changed (image, volume, network, pod): features refresh what they show. */
  z.object({
    kind: z.literal('object'),
    engineId: EngineId,
    type: z.enum(['image', 'volume', 'network', 'pod']),
    id: z.string(),
    action: z.string(),
    time: z.number(),
    attributes: z.record(z.string(), z.string()),
  }),
  z.object({
    kind: z.literal('container'),
    engineId: EngineId,
    id: z.string(),
    action: z.string(),
    time: z.number(),
    row: ContainerRow.nullable(),
  }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const ContainerTarget = z.object({ engineId: EngineId, id: ContainerRef });

/**
 * A hand-added endpoint: unix socket path, unix://, tcp://host:port, ssh://[user@]host[:port],
 * or a Windows named pipe (npipe://). Parsed for real in engines/endpoint.ts.
 */
export const EndpointInput = z.object({
  endpoint: z.string().trim().min(1, 'enter an endpoint').max(512),
  name: z.string().trim().max(64).optional(),
});
