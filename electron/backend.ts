// The backend both transports serve: engines (and later AWS) behind one router.
// Runs in plain Node (berth serve, tests) and in Electron's main process alike.
import { RPCHandler as MessagePortHandler } from '@orpc/server/message-port';
import { RPCHandler as WsHandler } from '@orpc/server/ws';
import { onError } from '@orpc/server';
import { router, type BackendContext } from './api/router';
import { AwsService } from './aws/session';
import { discoverEndpoints, nodeDiscoveryHost } from './engines/discovery';
import { EngineRegistry } from './engines/registry';
import { SettingsStore } from './settings/store';

export interface BackendOptions {
  dataDir: string;
  env?: Record<string, string | undefined>;
  /** Skip discovery (tests that want only the engines they add). */
  discover?: boolean;
}

export interface Backend {
  context: BackendContext;
  registry: EngineRegistry;
  wsHandler: WsHandler<BackendContext>;
  messagePortHandler: MessagePortHandler<BackendContext>;
  close(): void;
}

function logUnexpected(error: unknown): void {
  const status = (error as { status?: number }).status;
  // Expected failures (bad input, engine refusals) go to the user; only the rest is logged.
  if (status === undefined || status >= 500) console.error('berth:', error);
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const settings = new SettingsStore(opts.dataDir);
  const registry = new EngineRegistry(settings);
  await registry.start(opts.discover === false ? [] : discoverEndpoints(nodeDiscoveryHost(opts.env ?? process.env)));
  const aws = new AwsService(settings, opts.env ?? process.env);
  const context: BackendContext = { registry, settings, dataDir: opts.dataDir, aws };
  return {
    context,
    registry,
    wsHandler: new WsHandler(router, { clientInterceptors: [onError(logUnexpected)] }),
    messagePortHandler: new MessagePortHandler(router, { clientInterceptors: [onError(logUnexpected)] }),
    close: () => {
      registry.close();
      aws.close();
    },
  };
}
