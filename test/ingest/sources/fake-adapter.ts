// A tiny in-test source: `*.fake.json` files holding records with ISO instants, so the glue
// (registry, assembly, CLI) is tested without depending on a real adapter.
import type { Issue } from '../../../src/core/issues.ts';
import type { Exam, Session } from '../../../src/core/kit-types.ts';
import { countRemoved, pseudonymize } from '../../../src/ingest/sources/identity.ts';
import { equipmentFor } from '../../../src/ingest/sources/mapping.ts';
import { emptyRecords, type SourceAdapter } from '../../../src/ingest/sources/types.ts';

interface FakeExam {
  id: string;
  station: string;
  category?: Exam['category'];
  in: string;
  out: string;
  patient?: string;
  patientName?: string;
  report?: string;
}
interface FakeFile {
  exams?: FakeExam[];
  sessions?: { station: string; start: string; end: string; type: Session['type'] }[];
  equipment?: { id: string; modality: 'CT' | 'MR' }[];
}

export const fakeAdapter: SourceAdapter = {
  id: 'xlsx',
  label: 'fake test files (.fake.json)',
  detect: (input) => input.name.endsWith('.fake.json'),
  async read(inputs, { mapping, secret }) {
    const records = emptyRecords();
    const issues: Issue[] = [];
    for (const input of inputs) {
      let data: FakeFile;
      try {
        data = JSON.parse(new TextDecoder().decode(input.bytes)) as FakeFile;
      } catch {
        issues.push({
          severity: 'error',
          code: 'fake-syntax',
          file: input.name,
          line: 1,
          column: null,
          message: 'not JSON',
          hint: null,
        });
        continue;
      }
      const device = (station: string, where: string): string | null => {
        const id = equipmentFor(mapping, { station });
        if (id === null)
          issues.push({
            severity: 'error',
            code: 'unknown-device',
            file: input.name,
            line: null,
            column: where,
            message: `station ${station} is not in the mapping`,
            hint: 'add an equipment,station row',
          });
        return id;
      };
      for (const e of data.equipment ?? [])
        records.equipment.push({
          equipmentId: e.id,
          finess: mapping.finess,
          modality: e.modality,
          label: null,
          installedYear: null,
          role: 'general',
        });
      (data.sessions ?? []).forEach((s, i) => {
        const equipmentId = device(s.station, `sessions[${i}]`);
        if (equipmentId)
          records.sessions.push({
            equipmentId,
            start: Date.parse(s.start),
            end: Date.parse(s.end),
            type: s.type,
          });
      });
      (data.exams ?? []).forEach((x, i) => {
        const equipmentId = device(x.station, `exams[${i}]`);
        if (x.patient !== undefined) {
          pseudonymize(x.patient, secret);
          countRemoved(records.removed, 'patient id');
        }
        if (x.patientName !== undefined) countRemoved(records.removed, 'patient name');
        if (equipmentId === null) return;
        records.exams.push({
          examId: x.id,
          equipmentId,
          category: x.category ?? 'A',
          roomIn: Date.parse(x.in),
          roomOut: Date.parse(x.out),
          acts: [],
          icr: null,
          reportValidatedAt: x.report ? Date.parse(x.report) : null,
          requestedAt: null,
          scheduledMinutes: null,
          ageBand: null,
        });
      });
    }
    return { records, issues };
  },
};

export const MAPPING_CSV = [
  'kind,key,value,target',
  'site,finess,,620454421',
  'site,time_zone,,Europe/Paris',
  'site,name,,CH de Lens',
  'site,legal_status,,CH',
  'site,region,,Hauts-de-France',
  'equipment,station,CTSCAN1,CT-LENS-1',
  'equipment,station,MR1,IRM-LENS-1',
  'equipment,modality,CT,CT-LENS-1',
  '',
].join('\n');

export const fakeFile = (data: FakeFile): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(data));
