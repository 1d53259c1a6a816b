/**
 * DICOM ingestion speed: files per second, headers only (read from disk by prefix, parsed,
 * reduced to facts with identity removed), on 10,000 copies of the real sample files in a temp
 * folder, 16 files in flight, median of 5 runs. Target ≥ 3,000 files/s.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { instanceFacts } from '../src/ingest/sources/dicom/instance.ts';
import {
  readDicomFileHeader,
  readDicomFileHeaderSync,
} from '../src/ingest/sources/dicom/read-file.ts';

const FILES = 10_000;
const RUNS = 5;
const IN_FLIGHT = 16;

/** One measured figure. */
export interface DicomBench {
  mode: string;
  files: number;
  runs: number;
  medianMs: number;
  filesPerSecond: number;
  failed: number;
}

function samples(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return samples(p);
    return /README|LICENSE/.test(f) ? [] : [p];
  });
}

/** Copies the samples to `root` (10k files) and times reading every header, async and sync reads; `[]` when the samples are absent. */
export async function benchDicom(
  root: string,
  samplesDir = join(process.env.PLATEAU_SAMPLES ?? resolve('../shared/samples'), 'dicom'),
): Promise<DicomBench[]> {
  if (!existsSync(samplesDir)) return [];
  const sources = samples(samplesDir);
  const dir = join(root, 'dicom');
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const p = join(dir, `IM${String(i).padStart(5, '0')}.dcm`);
    copyFileSync(sources[i % sources.length] as string, p);
    paths.push(p);
  }
  const out: DicomBench[] = [];
  for (const mode of [`async reads, ${IN_FLIGHT} in flight`, 'sync reads (batch)']) {
    const times: number[] = [];
    let failed = 0;
    for (let run = 0; run < RUNS; run++) {
      failed = 0;
      const removed: Record<string, number> = {};
      const take = (r: Awaited<ReturnType<typeof readDicomFileHeader>>, path: string): void => {
        if (!r.header) failed++;
        else if (!r.header.isDicomdir)
          instanceFacts(path, r.header.dataset, r.header.meta, 'bench-secret', removed);
      };
      let next = 0;
      const t = performance.now();
      if (mode.startsWith('sync')) {
        for (const path of paths) take(readDicomFileHeaderSync(path), path);
      } else {
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < paths.length) {
              const path = paths[next++] as string;
              take(await readDicomFileHeader(path), path);
            }
          }),
        );
      }
      times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const medianMs = sorted[sorted.length >> 1] as number;
    out.push({
      mode,
      files: FILES,
      runs: RUNS,
      medianMs,
      filesPerSecond: Math.round(FILES / (medianMs / 1000)),
      failed,
    });
  }
  return out;
}

/** The figure as a Markdown table. */
export function dicomTable(rows: DicomBench[]): string {
  if (rows.length === 0) return 'DICOM: samples not found (set PLATEAU_SAMPLES), skipped';
  const lines = rows.map(
    (b) =>
      `| header + facts, ${b.mode} | ${b.files} (${b.failed} refused) | ${b.runs} | ${(b.medianMs / 1000).toFixed(2)} s | ${b.filesPerSecond} | ≥ 3,000 |`,
  );
  return `| DICOM headers | files | runs | median | files/s | target |\n|---|---|---|---|---|---|\n${lines.join('\n')}`;
}
