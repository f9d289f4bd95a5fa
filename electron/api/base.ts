// The implementer every route file builds on: the contract, with the backend's context.
import { implement } from '@orpc/server';
import type { AwsService } from '../aws/session';
import type { EngineRegistry } from '../engines/registry';
import type { SettingsStore } from '../settings/store';
import { contract } from './contract';

export interface BackendContext {
  registry: EngineRegistry;
  settings: SettingsStore;
  /** The app's data folder (settings.json and whatever else Berth keeps per user). */
  dataDir: string;
  /** AWS: the account in use and its SDK clients (credentials stay in here). */
  aws: AwsService;
}

export const os = implement(contract).$context<BackendContext>();
