// Entry of `berth serve`: starts the backend in plain Node and prints the URL with its token.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend';
import { defaultDataDir } from '../settings/store';
import { serve } from './server';

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: berth serve [--port N] [--data-dir DIR]\n\nServes Berth on http://127.0.0.1 (loopback only); open the printed URL, which carries the access token.\nFrom another machine, tunnel it: ssh -L N:127.0.0.1:N host');
    return;
  }
  const port = values.port ? Number(values.port) : Number(process.env.BERTH_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = values['static-dir'] ?? process.env.BERTH_STATIC_DIR ?? path.resolve(here, '../renderer');
  const backend = await createBackend({ dataDir: values['data-dir'] ?? defaultDataDir() });
  const serving = await serve({ backend, staticDir, port });
  console.log(`Berth is serving on ${serving.origin}\nOpen: ${serving.url}`);
  const stop = () => {
    void serving.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
