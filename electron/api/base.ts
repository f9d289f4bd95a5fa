// The implementer every route file builds on: the contract, with the backend's context.
import { implement } from '@orpc/server';
import type { EngineRegistry } from '../engines/registry';
import { contract } from './contract';

export interface BackendContext {
  registry: EngineRegistry;
}

export const os = implement(contract).$context<BackendContext>();
