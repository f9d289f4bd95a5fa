// Build contexts uploaded from the browser (a dropped or chosen folder): files arrive in
// batches through the RPC and are written to a private temporary folder, which is then
// packed like any local context (so .dockerignore is honoured the same way).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const IDLE_MS = 30 * 60_000;
const MAX_BYTES = 4 * 1024 ** 3;

interface Upload {
  dir: string;
  bytes: number;
  files: number;
  touched: number;
}

export class UploadError extends Error {}

/** A context-relative path that stays inside its folder, or an error saying why not. */
export function safeRelative(p: string): string {
  const norm = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (!norm || norm === '.' || norm.startsWith('../') || norm === '..' || norm.startsWith('/') || /^[a-zA-Z]:/.test(norm) || norm.includes('\0')) {
    throw new UploadError(`"${p}" is not a path inside the build context.`);
  }
  return norm;
}

export class BuildUploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly root: string;

  constructor(root = path.join(os.tmpdir(), 'berth-build-uploads')) {
    this.root = root;
  }

  /** Writes a batch of files; creates the upload when no id is given. */
  async put(uploadId: string | undefined, files: Array<{ path: string; data: Blob; append?: boolean | undefined }>): Promise<{ uploadId: string; files: number; bytes: number }> {
    this.expire();
    let id = uploadId;
    let up = id ? this.uploads.get(id) : undefined;
    if (id && !up) throw new UploadError('This upload expired or was already used; drop the folder again.');
    if (!up) {
      id = randomUUID();
      fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
      up = { dir: fs.mkdtempSync(path.join(this.root, 'ctx-')), bytes: 0, files: 0, touched: Date.now() };
      this.uploads.set(id, up);
    }
    for (const f of files) {
      const rel = safeRelative(f.path);
      up.bytes += f.data.size;
      if (up.bytes > MAX_BYTES) throw new UploadError('The build context is larger than 4 GB: add a .dockerignore, or build from a folder on the Berth host.');
      const target = path.join(up.dir, ...rel.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const bytes = Buffer.from(await f.data.arrayBuffer());
      if (f.append) await fs.promises.appendFile(target, bytes);
      else {
        await fs.promises.writeFile(target, bytes);
        up.files++;
      }
    }
    up.touched = Date.now();
    return { uploadId: id!, files: up.files, bytes: up.bytes };
  }

  /** The folder of a complete upload; it is the caller's to use once, then release. */
  take(uploadId: string): string {
    const up = this.uploads.get(uploadId);
    if (!up) throw new UploadError('This upload expired or was already used; drop the folder again.');
    return up.dir;
  }

  release(uploadId: string): void {
    const up = this.uploads.get(uploadId);
    if (!up) return;
    this.uploads.delete(uploadId);
    fs.rmSync(up.dir, { recursive: true, force: true });
  }

  close(): void {
    for (const id of [...this.uploads.keys()]) this.release(id);
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, up] of this.uploads) if (now - up.touched > IDLE_MS) this.release(id);
  }
}
