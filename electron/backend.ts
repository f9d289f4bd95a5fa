// The backend both transports serve: engines (and later AWS) behind one router.
// Runs in plain Node (berth serve, tests) and in Electron's main process alike.
import { RPCHandler as MessagePortHandler } from '@orpc/server/message-port';
import { RPCHandler as WsHandler } from '@orpc/server/ws';
import { onError } from '@orpc/server';
import { router, type BackendContext } from './api/router';
import { AwsService } from './aws/session';
import { discoverEndpoints, nodeDiscoveryHost } from './engines/discovery';
import { EngineRegistry } from './engines/registry';
import { BuildUploads } from './engines/build-uploads';
import { CredentialStore } from './registries/credentials';
import { describeForLog, type SecretBox } from './registries/secrets';
import { SettingsStore } from './settings/store';

export interface BackendOptions {
  dataDir: string;
  env?: Record<string, string | undefined>;
  /** Skip discovery (tests that want only the engines they add). */
  discover?: boolean;
  /** The OS keychain's encryption (Electron's safeStorage, from main.ts); absent under `berth serve`. */
  secretBox?: SecretBox;
}

export interface Backend {
  context: BackendContext;
  registry: EngineRegistry;
  wsHandler: WsHandler<BackendContext>;
  messagePortHandler: MessagePortHandler<BackendContext>;
  close(): void;
}

export function logUnexpected(error: unknown): void {
  const status = (error as { status?: number }).status;
  // Expected failures (bad input, engine refusals) go to the user; only the rest is logged,
  // with every registry secret Berth knows taken out.
  if (status === undefined || status >= 500) console.error(`berth: ${describeForLog(error)}`);
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const settings = new SettingsStore(opts.dataDir);
  const registry = new EngineRegistry(settings);
  await registry.start(opts.discover === false ? [] : discoverEndpoints(nodeDiscoveryHost(opts.env ?? process.env)));
  const env = opts.env ?? process.env;
  const aws = new AwsService(settings, env);
  const credentials = new CredentialStore({ dataDir: opts.dataDir, env, ...(opts.secretBox ? { secretBox: opts.secretBox } : {}) });
  const uploads = new BuildUploads();
  const context: BackendContext = { registry, settings, dataDir: opts.dataDir, aws, credentials, uploads };
  return {
    context,
    registry,
    wsHandler: new WsHandler(router, { clientInterceptors: [onError(logUnexpected)] }),
    messagePortHandler: new MessagePortHandler(router, { clientInterceptors: [onError(logUnexpected)] }),
    close: () => {
      registry.close();
      aws.close();
      uploads.close();
    },
  };
}
