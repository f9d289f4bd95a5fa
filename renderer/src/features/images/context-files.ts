// A build context picked in the browser: a dropped folder (or Dockerfile), walked with
// webkitGetAsEntry, or a folder chosen with <input webkitdirectory>; then uploaded in
// batches. The backend applies the .dockerignore for real when it packs the context;
// here, folders that a plain .dockerignore line excludes are not even uploaded.
import { client } from '../../lib/rpc';
import { plainExclusions } from './prefilter';

export interface PickedFile {
  /** Path inside the context, with / separators. */
  path: string;
  file: File;
}

const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_FILES = 200;

const fileOf = (e: FileSystemFileEntry) => new Promise<File>((resolve, reject) => e.file(resolve, reject));
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(dir: FileSystemDirectoryEntry, prefix: string, out: PickedFile[], excluded: (p: string) => boolean): Promise<void> {
  for (const entry of await entriesOf(dir)) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (excluded(rel)) continue;
    if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, rel, out, excluded);
    else out.push({ path: rel, file: await fileOf(entry as FileSystemFileEntry) });
  }
}

/**
 * What a drop carries. Call it inside the drop handler: the entries are taken at once
 * (the DataTransfer empties after the event), and read afterwards.
 */
export function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const plainFiles = [...dt.files];
  return (async () => {
    if (!entries.length) return plainFiles.map((file) => ({ path: file.name, file }));
    const out: PickedFile[] = [];
    const only = entries.length === 1 ? entries[0]! : undefined;
    if (only?.isDirectory) {
      // One folder: it is the context. Read its .dockerignore first to skip what it excludes.
      const root = only as FileSystemDirectoryEntry;
      const ignoreEntry = (await entriesOf(root)).find((e) => e.name === '.dockerignore' && e.isFile);
      const text = ignoreEntry ? await (await fileOf(ignoreEntry as FileSystemFileEntry)).text() : undefined;
      await walk(root, '', out, plainExclusions(text));
      return out;
    }
    for (const e of entries) {
      if (e.isDirectory) await walk(e as FileSystemDirectoryEntry, e.name, out, () => false);
      else out.push({ path: e.name, file: await fileOf(e as FileSystemFileEntry) });
    }
    return out;
  })();
}

/** Files of <input type=file webkitdirectory>: paths lose the chosen folder's own name. */
export async function filesFromInput(list: FileList): Promise<PickedFile[]> {
  const files = [...list].map((file) => {
    const rel = file.webkitRelativePath || file.name;
    return { path: rel.includes('/') ? rel.slice(rel.indexOf('/') + 1) : rel, file };
  });
  const ignore = files.find((f) => f.path === '.dockerignore');
  const excluded = plainExclusions(ignore ? await ignore.file.text() : undefined);
  return files.filter((f) => !excluded(f.path));
}

/** Uploads the files in batches (large files in slices); resolves with the upload's id. */
export async function uploadContext(files: PickedFile[], onProgress: (sentBytes: number, totalBytes: number) => void, signal?: AbortSignal): Promise<string> {
  const total = files.reduce((s, f) => s + f.file.size, 0);
  let uploadId: string | undefined;
  let sent = 0;
  let batch: Array<{ path: string; data: Blob; append?: boolean }> = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!batch.length && uploadId) return;
    signal?.throwIfAborted();
    const res = await client.builds.upload({ ...(uploadId ? { uploadId } : {}), files: batch }, signal ? { signal } : {});
    uploadId = res.uploadId;
    sent += batchBytes;
    onProgress(sent, total);
    batch = [];
    batchBytes = 0;
  };
  for (const f of files) {
    for (let offset = 0; offset === 0 || offset < f.file.size; offset += BATCH_BYTES) {
      const data = f.file.size > BATCH_BYTES ? f.file.slice(offset, offset + BATCH_BYTES) : f.file;
      batch.push({ path: f.path, data, ...(offset > 0 ? { append: true } : {}) });
      batchBytes += data.size;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) await flush();
    }
  }
  await flush();
  return uploadId!;
}
