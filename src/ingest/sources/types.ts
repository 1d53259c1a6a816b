/**
 * The one interface every hospital-system source implements (HL7 v2, FHIR R4, DICOM, XLSX…):
 * detect a file, read files into the data kit's canonical records with located issues. What a
 * source cannot say (sessions, categories, CCAM acts) comes from the site's mapping file.
 * Patient identity never goes further than the adapter: identifiers are replaced by a keyed
 * hash and names, birth dates and addresses are dropped, counted in `removed`.
 */
import type { Issue } from '../../core/issues.ts';
import type {
  Act,
  Category,
  Equipment,
  Establishment,
  Exam,
  Session,
  Slot,
} from '../../core/kit-types.ts';

/** One input file (or message), named as the issues will name it. */
export interface SourceInput {
  /** Path or label, e.g. `samples/hl7v2/orm.hl7` or `mllp:2026-11-23T10:00:00Z#12`. */
  name: string;
  bytes: Uint8Array;
}

/** What a site maintains in its mapping file (see mapping.ts for the file format). */
export interface SiteMapping {
  finess: string;
  /** IANA zone of the site, for source times without an offset. */
  timeZone: string;
  /** Device keys to equipment: the first entry whose given fields all match wins. */
  equipment: {
    station?: string;
    aeTitle?: string;
    serial?: string;
    /** A room/location code (HL7 AIL-3, OBR-18 convention, FHIR Location). */
    location?: string;
    equipmentId: string;
  }[];
  /** Patient class / ward (UF) to category: the first matching entry wins. */
  categories: { patientClass?: string; unit?: string; category: Category }[];
  /** Local exam codes to CCAM acts. */
  acts: { localCode: string; ccam: string }[];
}

/** What reading gives: canonical records (possibly partial) and what was removed. */
export interface SourceRecords {
  establishments: Establishment[];
  equipment: Equipment[];
  sessions: Session[];
  exams: Exam[];
  acts: Act[];
  /** The machines' booking supply (FHIR Slot, HL7 SIU bookings), when a source gives it. */
  slots?: Slot[];
  /** Identifying fields dropped or pseudonymized at the door, by field name, with counts. */
  removed: Record<string, number>;
  /**
   * Join keys of the exams, by exam id: keyed hashes only (`pseudonymize` of the trimmed
   * accession or study UID), so a RIS exam and a DICOM exam can be matched without raw identifiers.
   */
  keys: Map<string, ExamKeys>;
  /**
   * The source each exam record came from (filled by `readSources`; the record object is the key,
   * since a RIS exam and a DICOM exam of one accession may share an id). Exams absent from the map
   * are treated as RIS-side records.
   */
  source: Map<Exam, SourceId>;
}

/** Keyed hashes of the identifiers an exam can be joined on across sources. */
export interface ExamKeys {
  /** `pseudonymize(accession.trim(), secret)` (HL7 IPC-1 / OBR-18, DICOM (0008,0050), FHIR ACSN). */
  accessions: string[];
  /** `pseudonymize(studyInstanceUid.trim(), secret)` (HL7 IPC-3 / ZDS-1, DICOM (0020,000D), FHIR urn:dicom:uid). */
  studyUids: string[];
}

/** Adds `keys` to `into` (in place, each hash once). */
export function mergeExamKeys(into: ExamKeys, keys: Partial<ExamKeys>): void {
  for (const a of keys.accessions ?? []) if (!into.accessions.includes(a)) into.accessions.push(a);
  for (const u of keys.studyUids ?? []) if (!into.studyUids.includes(u)) into.studyUids.push(u);
}

/** Adds hashed keys to an exam's entry of a key table (in place, each hash once). */
export function addExamKeys(
  table: Map<string, ExamKeys>,
  examId: string,
  keys: Partial<ExamKeys>,
): void {
  let entry = table.get(examId);
  if (entry === undefined) table.set(examId, (entry = { accessions: [], studyUids: [] }));
  mergeExamKeys(entry, keys);
}

/** What every adapter is given besides the files. */
export interface SourceContext {
  mapping: SiteMapping;
  /** Keyed-hash secret of the site (never stored): identifiers become HMAC-SHA-256 digests. */
  secret: string;
}

export type SourceId = 'hl7v2' | 'fhir-r4' | 'dicom' | 'dicomweb' | 'xlsx';

/** A source of canonical records. */
export interface SourceAdapter {
  id: SourceId;
  /** e.g. "HL7 v2 messages (ORM, ORU, SIU, MDM, ADT)". */
  label: string;
  /** True when the file looks like this source (name and first bytes; cheap, no full parse). */
  detect(input: SourceInput): boolean;
  /** Reads the inputs; a file with an error gives no record but its issues. */
  read(
    inputs: readonly SourceInput[],
    context: SourceContext,
  ): Promise<{ records: SourceRecords; issues: Issue[] }>;
}

/** Empty records, to fill. */
export function emptyRecords(): SourceRecords {
  return {
    establishments: [],
    equipment: [],
    sessions: [],
    exams: [],
    acts: [],
    removed: {},
    keys: new Map(),
    source: new Map(),
  };
}
