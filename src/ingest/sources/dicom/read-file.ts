/**
 * Reads a DICOM file's header from disk without its pixel data: the first 16 KB, then a prefix
 * four times longer each time the header goes on, until Pixel Data or the end of the file.
 * Headers are a few KB, so one read is the rule; the pixels are never loaded.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Part10Result } from './part10.ts';
import { readPart10 } from './part10.ts';

const FIRST_CHUNK = 16 * 1024;

/** A header read from disk, with how many bytes were read to get it. */
export interface FileHeader extends Part10Result {
  bytesRead: number;
  fileSize: number;
}

/**
 * Reads the Part-10 header of the file at `path` (see `readPart10`), naming issues after `name`.
 *
 * @example
 * const { header, issues, bytesRead } = await readDicomFileHeader('/pacs/export/IM0001');
 */
export async function readDicomFileHeader(path: string, name = path): Promise<FileHeader> {
  const handle = await open(path, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    let size = Math.min(FIRST_CHUNK, fileSize);
    let buffer = new Uint8Array(size);
    let filled = 0;
    for (;;) {
      while (filled < size) {
        const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const complete = filled >= fileSize || filled < size;
      const result = readPart10(buffer.subarray(0, filled), name, { complete });
      if (result !== 'need-more') return { ...result, bytesRead: filled, fileSize };
      size = Math.min(size * 4, fileSize);
      const grown = new Uint8Array(size);
      grown.set(buffer.subarray(0, filled));
      buffer = grown;
    }
  } finally {
    await handle.close();
  }
}

/**
 * `readDicomFileHeader` with synchronous reads: faster for batch ingestion of many small files
 * (no thread-pool round trip per read); blocks the event loop, so not for a server.
 *
 * @example
 * for (const path of files) facts.push(readDicomFileHeaderSync(path));
 */
export function readDicomFileHeaderSync(path: string, name = path): FileHeader {
  const fd = openSync(path, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    let size = Math.min(FIRST_CHUNK, fileSize);
    let buffer = new Uint8Array(size);
    let filled = 0;
    for (;;) {
      while (filled < size) {
        const n = readSync(fd, buffer, filled, size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      const complete = filled >= fileSize || filled < size;
      const result = readPart10(buffer.subarray(0, filled), name, { complete });
      if (result !== 'need-more') return { ...result, bytesRead: filled, fileSize };
      size = Math.min(size * 4, fileSize);
      const grown = new Uint8Array(size);
      grown.set(buffer.subarray(0, filled));
      buffer = grown;
    }
  } finally {
    closeSync(fd);
  }
}
