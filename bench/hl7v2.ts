/**
 * HL7 v2 ingestion speed: messages per second through the parser and the adapter (decode,
 * parse, merge by order number, map, pseudonymize) on a generated batch of realistic RIS
 * traffic: for each exam an ORM^O01 order and an ORU^R01 final report (~100k messages).
 * Same seeded batch every time, several runs, median. Target: ≥ 50,000 messages/s.
 */
import { performance } from 'node:perf_hooks';
import { readHl7Files } from '../src/ingest/sources/hl7v2/index.ts';
import type { SiteMapping } from '../src/ingest/sources/types.ts';

/** What the HL7 v2 bench measured. */
export interface Hl7BenchResult {
  messages: number;
  exams: number;
  runs: number;
  medianMs: number;
  messagesPerSecond: number;
  /** Median CPU time of the process (user + system) per run: the figure a loaded machine does not distort. */
  medianCpuMs: number;
  messagesPerCpuSecond: number;
}

const ROOMS = Array.from({ length: 20 }, (_, i) => `SALLE-${String(i + 1).padStart(2, '0')}`);
const CODES = ['TDM-THX', 'TDM-ABD', 'TDM-CRA', 'IRM-GEN', 'IRM-RAC', 'IRM-CER'];
const CLASSES = ['O', 'O', 'O', 'I', 'I', 'E'];

function mappingOf(): SiteMapping {
  return {
    finess: '750000001',
    timeZone: 'Europe/Paris',
    equipment: ROOMS.map((location, i) => ({ location, equipmentId: `EQ-${i + 1}` })),
    categories: [
      { unit: 'REA', category: 'R' },
      { patientClass: 'E', category: 'U' },
      { patientClass: 'I', category: 'H' },
      { patientClass: 'O', category: 'A' },
    ],
    acts: CODES.map((localCode, i) => ({
      localCode,
      ccam: ['ZBQK002', 'ZCQK002', 'ACQK001', 'NZQN001', 'LHQN001', 'ACQN001'][i] as string,
    })),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** Local wall-clock time `YYYYMMDDHHMMSS` (no offset: read in the site's zone). */
function local(minutesFromStart: number): string {
  const d = new Date(Date.UTC(2010, 2, 1, 0, 0) + minutesFromStart * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

/**
 * A batch file of `exams` × (ORM^O01 + ORU^R01) messages, seeded (same text every time).
 *
 * @example
 * generateHl7Batch(50_000) // ~100k messages, `\r`-separated segments, FHS/BHS envelope
 */
export function generateHl7Batch(exams: number): string {
  let seed = 2010;
  const rand = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const out: string[] = ['FHS|^~\\&|RIS|CHU', 'BHS|^~\\&|RIS|CHU'];
  for (let i = 0; i < exams; i++) {
    const room = ROOMS[i % ROOMS.length] as string;
    const code = CODES[Math.floor(rand() * CODES.length)] as string;
    const cls = CLASSES[Math.floor(rand() * CLASSES.length)] as string;
    // Spread over 28 days, 08:00–19:00, per room.
    const day = Math.floor(i / ROOMS.length / 40) % 28;
    const start =
      day * 1440 + 8 * 60 + (Math.floor(i / ROOMS.length) % 40) * 15 + Math.floor(rand() * 5);
    const ipp = `IPP${100000 + ((i * 7919) % 900000)}`;
    const pid = `PID|1||${ipp}^^^CHU^PI||NOM${i}^PRENOM^^^^^L||19${pad(30 + (i % 70))}0${1 + (i % 9)}15|${i % 2 ? 'F' : 'M'}|||${i} RUE DE LA PAIX^^PARIS^^75002^FRA||0102030405`;
    const pv1 = `PV1|1|${cls}|${cls === 'I' ? 'CARDIO' : 'RADIO'}^${room}^1^CHU||||1234^DOC^JEAN|||||||||||V${i}`;
    out.push(
      `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|${local(start - 4000)}||ORM^O01^ORM_O01|O${i}|P|2.5|||AL|NE||8859/1`,
      pid,
      pv1,
      `ORC|NW|P${i}|F${i}||SC||^^^${local(start)}||${local(start - 4000)}|||1234^DOC^JEAN`,
      `OBR|1|P${i}|F${i}|${code}^Examen ${code}^L|||${local(start)}|||||||||1234^DOC^JEAN||${room}|||||||CT`,
      `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|${local(start + 120)}||ORU^R01^ORU_R01|R${i}|P|2.5|||AL|NE||8859/1`,
      pid,
      pv1,
      `ORC|RE|P${i}|F${i}||CM||||${local(start + 30)}`,
      `OBR|1|P${i}|F${i}|${code}^Examen ${code}^L|||${local(start)}|${local(start + 12 + Math.floor(rand() * 20))}|||||||||||${room}||||${local(start + 120)}||CT|F`,
      `OBX|1|TX|${code}^Compte rendu^L||Examen sans particularit\\XC3A9\\.\\.br\\Conclusion normale.||||||F`,
    );
  }
  out.push(`BTS|${exams * 2}`, 'FTS|1');
  return out.join('\r');
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Times parse + adapter on the generated batch; throws when the batch does not read back as
 * `exams` exams without warnings (a bench of a broken reader would be meaningless).
 *
 * @example
 * const r = benchHl7v2({ exams: 50_000, runs: 5 }); r.messagesPerSecond
 */
export function benchHl7v2(options: { exams?: number; runs?: number } = {}): Hl7BenchResult {
  const examCount = options.exams ?? 50_000;
  const runs = options.runs ?? 5;
  const bytes = new TextEncoder().encode(generateHl7Batch(examCount));
  const context = { mapping: mappingOf(), secret: 'bench-secret' };
  const times: number[] = [];
  const cpu: number[] = [];
  let exams = 0;
  for (let r = 0; r < runs + 1; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    const { records, issues } = readHl7Files([{ name: 'batch.hl7', bytes }], context);
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    if (r > 0) {
      // The first run warms the JIT and is not counted.
      times.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
    exams = records.exams.length;
    const problems = issues.filter((i) => i.severity !== 'info');
    if (exams !== examCount || problems.length > 0) {
      throw new Error(
        `HL7 bench batch read back ${exams}/${examCount} exams with ${problems.length} issues, e.g. ${JSON.stringify(problems[0])}`,
      );
    }
  }
  const medianMs = median(times);
  const medianCpuMs = median(cpu);
  const messages = examCount * 2;
  return {
    messages,
    exams,
    runs,
    medianMs,
    messagesPerSecond: Math.round(messages / (medianMs / 1000)),
    medianCpuMs,
    messagesPerCpuSecond: Math.round(messages / (medianCpuMs / 1000)),
  };
}

/** One Markdown table row block for the bench report. */
export function hl7v2Table(r: Hl7BenchResult): string {
  return [
    '| HL7 v2 ingestion | messages | runs | median (wall) | messages/s (wall) | median CPU | messages/CPU-s |',
    '|---|---|---|---|---|---|---|',
    `| parse + adapter (ORM^O01 + ORU^R01 batch, ${r.exams} exams) | ${r.messages} | ${r.runs} | ${(r.medianMs / 1000).toFixed(2)} s | ${r.messagesPerSecond.toLocaleString('en-US')} | ${(r.medianCpuMs / 1000).toFixed(2)} s | ${r.messagesPerCpuSecond.toLocaleString('en-US')} (target ≥ 50,000/s) |`,
  ].join('\n');
}
