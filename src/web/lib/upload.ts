/**
 * Sending a data kit to `POST /api/uploads` and following the import: files go as multipart
 * `files` fields named by their path inside the kit (a folder's `webkitRelativePath`), through
 * XMLHttpRequest for its upload progress; then `GET /api/uploads/:id` is polled until the
 * import is done, rejected or failed.
 */
import type { UploadStatus } from '../../core/views/types.ts';
import { ApiFailure, csrfHeaders, getJson, noticeStatus } from './api.ts';
import { api } from './paths.ts';

/** A file of the kit and its path inside it. */
export interface KitFile {
  file: File;
  path: string;
}

/** The path a chosen file stands at: its place in a chosen folder, else its name. */
export function pathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

function failureOfXhr(xhr: XMLHttpRequest): ApiFailure {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.message === 'string') {
      return new ApiFailure(
        xhr.status,
        String(body.error.code ?? `http-${xhr.status}`),
        body.error.message,
      );
    }
  } catch {
    // Not the API's JSON: say the status.
  }
  return new ApiFailure(xhr.status, `http-${xhr.status}`, xhr.statusText || `HTTP ${xhr.status}`);
}

/**
 * Posts the kit; `onProgress` gets the share of bytes sent (0..1). Resolves with the job's
 * first status (202).
 */
export function sendKit(
  files: readonly KitFile[],
  onProgress: (fraction: number) => void,
): Promise<UploadStatus> {
  const form = new FormData();
  for (const f of files) form.append('files', f.file, f.path);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.uploads());
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadStatus);
        } catch {
          reject(new ApiFailure(xhr.status, 'bad-json', 'the answer is not JSON'));
        }
      } else {
        noticeStatus(api.uploads(), xhr.status);
        reject(failureOfXhr(xhr));
      }
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'the upload could not be sent'));
    xhr.onabort = () => reject(new ApiFailure(0, 'aborted', 'the upload was cancelled'));
    xhr.send(form);
  });
}

/** True once an upload has finished one way or another. */
export function isFinal(status: UploadStatus): boolean {
  return status.state === 'done' || status.state === 'rejected' || status.state === 'failed';
}

/** Polls an upload every `intervalMs` until it is final, reporting each status. */
export async function followUpload(
  first: UploadStatus,
  onStatus: (status: UploadStatus) => void,
  signal: AbortSignal,
  intervalMs = 400,
): Promise<UploadStatus> {
  let status = first;
  onStatus(status);
  while (!isFinal(status)) {
    await new Promise((resolve) => window.setTimeout(resolve, intervalMs));
    if (signal.aborted) throw new ApiFailure(0, 'aborted', 'stopped following the upload');
    status = await getJson<UploadStatus>(api.upload(status.id), signal);
    onStatus(status);
  }
  return status;
}

/** Reads every file under a dropped folder entry, with its path relative to the drop. */
async function filesOfEntry(entry: FileSystemEntry): Promise<KitFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ file, path: entry.fullPath.replace(/^\/+/, '') }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most 100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map(filesOfEntry));
  return nested.flat();
}

/** The files of a drop, folders walked (where the browser lets us), each with its path. */
export async function filesOfDrop(data: DataTransfer): Promise<KitFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length > 0) return (await Promise.all(entries.map(filesOfEntry))).flat();
  return [...data.files].map((file) => ({ file, path: pathOf(file) }));
}
