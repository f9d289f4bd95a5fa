// The diagnostics of this running backend (used by the RPC and by the desktop menu).
import pkg from '../../package.json';
import type { BackendContext } from '../api/base';
import { diagnosticsText } from './diagnostics';

export function collectDiagnostics(context: BackendContext): string {
  return diagnosticsText({
    appVersion: pkg.version,
    transport: process.versions.electron ? 'electron' : 'berth serve',
    platform: process.platform,
    arch: process.arch,
    versions: process.versions,
    engines: context.registry.list(),
    settings: context.settings.get(),
  });
}
