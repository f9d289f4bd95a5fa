// The implementer every route file builds on: the contract, with the backend's context.
import { implement } from '@orpc/server';
import type { EngineRegistry } from '../engines/registry';
import type { SettingsStore } from '../settings/store';
import { contract } from './contract';

export interface BackendContext {
  registry: EngineRegistry;
  settings: SettingsStore;
  /** The app's data folder (settings.json and whatever else Berth keeps per user). */
  dataDir: string;
}

export const os = implement(contract).$context<BackendContext>();
