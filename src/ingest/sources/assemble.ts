/**
 * Turns the records read from hospital-system sources into a data kit: records merged (the first
 * source in registry order wins on a conflict, and says so), the establishment and the machines
 * completed from the site mapping, activity outside the campaign left out, and the whole kit
 * checked by the data kit's own reader, so every rule of a hand-made kit applies to it too. When
 * both RIS and DICOM exams are given, they are reconciled first (reconcile/): an exam both describe
 * is counted once, and what only one side has is kept and reported. Slots (the booking supply) are
 * kept whatever their dates (an agenda looks ahead), on the kit's machines only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignCalendar } from '../../core/calendar.ts';
import type { Issue } from '../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { about, makeIssue } from '../../i18n/issues/index.ts';
import type {
  Act,
  Campaign,
  Equipment,
  Establishment,
  Exam,
  Kit,
  Session,
  Slot,
} from '../../core/kit-types.ts';
import { CampaignWindow } from '../kit/campaign-window.ts';
import { KitParser, readKitDir } from '../kit/read-kit.ts';
import { writeKitDir } from '../kit/write-kit.ts';
import type { SiteMappingFile } from './mapping.ts';
import {
  reconcile,
  reconciliationIssues,
  type ExamPair,
  type ReconciliationReport,
} from './reconcile/index.ts';
import type { SiteMapping, SourceId, SourceRecords } from './types.ts';

/** A mapping as the adapters see it, with what a mapping file may add (establishment, machines). */
export type AssemblyMapping = SiteMapping &
  Partial<Pick<SiteMappingFile, 'establishment' | 'machines'>>;

/** Where assembly issues are filed: they concern no one source file. */
export const ASSEMBLED = '(assembled kit)';

/**
 * Reads a campaign.json text with the data kit's own rules.
 *
 * @example
 * const { campaign, issues } = readCampaignText('campaign.json', text);
 */
export function readCampaignText(
  name: string,
  text: string,
): { campaign: Campaign | null; issues: Issue[] } {
  const parser = new KitParser();
  parser.campaign(text, name);
  const { kit, issues } = parser.finish();
  return { campaign: kit?.campaign ?? null, issues };
}

/** Sources whose exams are what the devices imaged (the other sources say what the RIS billed). */
const DICOM_SOURCES: ReadonlySet<SourceId> = new Set<SourceId>(['dicom', 'dicomweb']);

/**
 * Assembles source records into a checked Kit. The kit is null when any issue is an error; the
 * issues also hold, as `info`, what identifying fields the sources dropped (with counts). When
 * the records hold both RIS and DICOM exams (`records.source`), the campaign's exams of both sides
 * are reconciled: a matched DICOM exam only fills the blanks of its RIS exam (age band, acts…),
 * unmatched exams of either side are kept, and `reconciliation` is the report (null otherwise).
 *
 * @example
 * const { records } = await readSources(inputs, { mapping, secret });
 * const { kit, issues, reconciliation } = await kitFromSources(records, campaign, mapping);
 * if (kit) await writeKitDir('out', kit);
 * if (reconciliation) await writeFile('reconciliation.csv', reconciliationCsv(reconciliation));
 */
export async function kitFromSources(
  records: SourceRecords,
  campaign: Campaign,
  mapping: AssemblyMapping,
): Promise<{ kit: Kit | null; issues: Issue[]; reconciliation: ReconciliationReport | null }> {
  const issues: Issue[] = [];
  const note: Note = (severity, key, params) => {
    issues.push(makeIssue(severity, key, ASSEMBLED, null, null, params));
  };
  const checked = readCampaignText('campaign.json', JSON.stringify(campaign, null, 2));
  if (checked.campaign === null) return { kit: null, issues: checked.issues, reconciliation: null };

  for (const [field, n] of Object.entries(records.removed).sort(([a], [b]) => a.localeCompare(b))) {
    note('info', 'removed-identity', { field, n });
  }

  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  // What a hand-made kit keeps without a word (the days and the last night) is kept; what it would
  // warn about or refuse is left out, since hospital systems send every day's activity.
  const window = new CampaignWindow(calendar);
  const inCampaign = (e: Exam): boolean => window.placeOf(e.roomIn) === 'in';
  const isDicom = (e: Exam): boolean => DICOM_SOURCES.has(records.source.get(e) ?? 'hl7v2');
  const dicomSide = records.exams.filter(isDicom);
  let exams: Exam[];
  let outExams: number;
  let reconciliation: ReconciliationReport | null = null;
  if (dicomSide.length > 0 && dicomSide.length < records.exams.length) {
    const ris = mergeExams(
      records.exams.filter((e) => !isDicom(e)),
      note,
    );
    const dicom = mergeExams(dicomSide, note);
    const risIn = ris.filter(inCampaign);
    const dicomIn = dicom.filter(inCampaign);
    outExams = ris.length - risIn.length + dicom.length - dicomIn.length;
    const result = reconcile(risIn, dicomIn, records.keys, { timeZone: campaign.timeZone });
    reconciliation = result.report;
    issues.push(...reconciliationIssues(result.report, ASSEMBLED));
    exams = mergeExams(combine(risIn, dicomIn, result.pairs), note);
  } else {
    const merged = mergeExams(records.exams, note);
    exams = merged.filter(inCampaign);
    outExams = merged.length - exams.length;
  }
  const distinct = uniqueSessions(records.sessions);
  const sessions = distinct.filter((s) => window.placeOfSpan(s.start, s.end) === 'in');
  const outSessions = distinct.length - sessions.length;
  if (outExams > 0 || outSessions > 0) {
    const far = farDates(records.exams, distinct, window);
    const counts = {
      exams: outExams,
      sessions: outSessions,
      days: campaign.days,
      start: campaign.start,
    };
    if (far === null) note('info', 'outside-campaign.sources', counts);
    else note('info', 'outside-campaign.sources-far', { ...counts, ...far });
  }

  if (exams.length === 0 && sessions.length === 0) {
    note('error', 'no-activity', { days: campaign.days, start: campaign.start });
  }
  const establishments = mergeEstablishments(records.establishments, mapping, note);
  const used = new Set<string>([
    ...sessions.map((s) => s.equipmentId),
    ...exams.map((e) => e.equipmentId),
  ]);
  const equipment = mergeEquipment(records.equipment, used, mapping, note);
  const acts = mergeActs(records.acts, note);
  const slots = slotsOn(records.slots ?? [], equipment, note);

  if (issues.some((i) => i.severity === 'error')) return { kit: null, issues, reconciliation };
  const kit: Kit = {
    campaign,
    establishments,
    equipment,
    sessions,
    exams,
    acts,
    survey: [],
    ...(slots.length > 0 ? { slots } : {}),
  };
  const { kit: checkedKit, issues: kitIssues } = await roundTrip(kit);
  issues.push(...kitIssues);
  return {
    kit: issues.some((i) => i.severity === 'error') ? null : checkedKit,
    issues,
    reconciliation,
  };
}

/**
 * The exams of both sides once reconciled: each RIS exam, with the blanks filled by its DICOM
 * exam (acts only when that DICOM exam stands for this RIS exam alone, so they are not counted
 * twice), then the DICOM exams no RIS exam matched.
 */
function combine(ris: readonly Exam[], dicom: readonly Exam[], pairs: readonly ExamPair[]): Exam[] {
  const byId = new Map(dicom.map((d) => [d.examId, d]));
  const partnerOf = new Map(pairs.map((p) => [p.risId, p.dicomId]));
  const partners = new Map<string, number>();
  for (const p of pairs) partners.set(p.dicomId, (partners.get(p.dicomId) ?? 0) + 1);
  const out: Exam[] = ris.map((r) => {
    const dicomId = partnerOf.get(r.examId);
    const d = dicomId === undefined ? undefined : byId.get(dicomId);
    if (d === undefined) return r;
    return {
      ...r,
      acts: r.acts.length === 0 && partners.get(d.examId) === 1 ? [...d.acts] : [...r.acts],
      icr: r.icr ?? d.icr,
      reportValidatedAt: r.reportValidatedAt ?? d.reportValidatedAt,
      requestedAt: r.requestedAt ?? d.requestedAt,
      scheduledMinutes: r.scheduledMinutes ?? d.scheduledMinutes,
      ageBand: r.ageBand ?? d.ageBand,
      patientKey: r.patientKey ?? d.patientKey ?? null,
    };
  });
  for (const d of dicom) if (!partners.has(d.examId)) out.push(d);
  return out;
}

type Note = (severity: Issue['severity'], key: IssueKey, params: IssueParams) => void;

/** Exams by id: the first wins; later ones fill its blanks; a conflict is a warning. */
function mergeExams(all: readonly Exam[], note: Note): Exam[] {
  const byId = new Map<string, Exam>();
  let conflicts = 0;
  for (const exam of all) {
    const first = byId.get(exam.examId);
    if (first === undefined) {
      byId.set(exam.examId, { ...exam, acts: [...exam.acts] });
      continue;
    }
    const differ = (['equipmentId', 'category', 'roomIn', 'roomOut'] as const).filter(
      (k) => first[k] !== exam[k],
    );
    if (differ.length > 0) {
      conflicts++;
      if (conflicts <= 100) {
        note('warning', 'duplicate-exam', { id: exam.examId, fields: differ.join(', ') });
      }
    }
    if (first.acts.length === 0) first.acts = [...exam.acts];
    first.icr ??= exam.icr;
    first.reportValidatedAt ??= exam.reportValidatedAt;
    first.requestedAt ??= exam.requestedAt;
    first.scheduledMinutes ??= exam.scheduledMinutes;
    first.ageBand ??= exam.ageBand;
    first.patientKey ??= exam.patientKey;
  }
  if (conflicts > 100) note('warning', 'duplicate-exam.more', { n: conflicts - 100 });
  return [...byId.values()];
}

function uniqueSessions(all: readonly Session[]): Session[] {
  const seen = new Map<string, Session>();
  for (const s of all) {
    const key = `${s.equipmentId}\u0000${s.start}\u0000${s.end}\u0000${s.type}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}

function mergeEstablishments(
  all: readonly Establishment[],
  mapping: AssemblyMapping,
  note: Note,
): Establishment[] {
  const byFiness = new Map<string, Establishment>();
  for (const e of all) {
    const first = byFiness.get(e.finess);
    if (first === undefined) byFiness.set(e.finess, e);
    else if (JSON.stringify(first) !== JSON.stringify(e)) {
      note('warning', 'duplicate-establishment', { finess: e.finess });
    }
  }
  if (!byFiness.has(mapping.finess)) {
    if (mapping.establishment) byFiness.set(mapping.finess, mapping.establishment);
    else {
      note('error', 'unknown-establishment', { finess: mapping.finess });
    }
  }
  return [...byFiness.values()];
}

function mergeEquipment(
  all: readonly Equipment[],
  used: ReadonlySet<string>,
  mapping: AssemblyMapping,
  note: Note,
): Equipment[] {
  const byId = new Map<string, Equipment>();
  for (const e of all) {
    const first = byId.get(e.equipmentId);
    if (first === undefined) byId.set(e.equipmentId, { ...e });
    else if (first.modality !== e.modality) {
      note('warning', 'duplicate-equipment', {
        id: e.equipmentId,
        first: first.modality,
        other: e.modality,
      });
    }
  }
  for (const id of used) {
    if (byId.has(id)) continue;
    const info = mapping.machines?.get(id);
    if (info?.modality === undefined) {
      note('error', 'unknown-modality', { id });
      continue;
    }
    byId.set(id, {
      equipmentId: id,
      finess: mapping.finess,
      modality: info.modality,
      label: null,
      installedYear: null,
      role: 'general',
    });
  }
  for (const e of byId.values()) {
    const info = mapping.machines?.get(e.equipmentId);
    if (!info) continue;
    if (info.modality !== undefined && info.modality !== e.modality) {
      note('warning', 'modality-conflict', {
        id: e.equipmentId,
        mapping: info.modality,
        source: e.modality,
      });
      e.modality = info.modality;
    }
    if (info.label !== undefined) e.label = info.label;
    if (info.installedYear !== undefined) e.installedYear = info.installedYear;
    if (info.role !== undefined) e.role = info.role;
  }
  const mapped = new Set(mapping.equipment.map((m) => m.equipmentId));
  const idle = [...mapped].filter((id) => !used.has(id) && !byId.has(id));
  if (idle.length > 0) {
    note('info', 'unused-equipment', { ids: idle.join(', ') });
  }
  return [...byId.values()];
}

/**
 * How many source rows lie more than a day away from the campaign, and the span of their dates
 * (null when none): a mistyped year shows up here.
 */
function farDates(
  exams: readonly Exam[],
  sessions: readonly Session[],
  window: CampaignWindow,
): { far: number; from: string; to: string } | null {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  const see = (t: number): void => {
    n++;
    if (t < min) min = t;
    if (t > max) max = t;
  };
  for (const e of exams) if (window.placeOf(e.roomIn) === 'far') see(e.roomIn);
  for (const s of sessions) if (window.placeOfSpan(s.start, s.end) === 'far') see(s.start);
  if (n === 0) return null;
  return { far: n, from: window.dateOf(min), to: window.dateOf(max) };
}

/**
 * The slots on the kit's machines, each observation once, in time order (machine, start, end,
 * observed); those of other machines (no session nor exam of the campaign) left out, said once.
 */
function slotsOn(all: readonly Slot[], equipment: readonly Equipment[], note: Note): Slot[] {
  const machines = new Set(equipment.map((e) => e.equipmentId));
  const seen = new Set<string>();
  const kept: Slot[] = [];
  const away = new Map<string, number>();
  for (const s of all) {
    if (!machines.has(s.equipmentId)) {
      away.set(s.equipmentId, (away.get(s.equipmentId) ?? 0) + 1);
      continue;
    }
    const key = `${s.equipmentId}\u0000${s.start}\u0000${s.end}\u0000${s.status}\u0000${s.observedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(s);
  }
  if (away.size > 0) {
    const ids = [...away.keys()].sort();
    const n = [...away.values()].reduce((a, b) => a + b, 0);
    note('info', 'slot-unknown-equipment.sources', {
      n,
      machines: ids.length,
      ids: ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : ''),
    });
  }
  return kept.sort(
    (a, b) =>
      (a.equipmentId < b.equipmentId ? -1 : a.equipmentId > b.equipmentId ? 1 : 0) ||
      a.start - b.start ||
      a.end - b.end ||
      a.observedAt - b.observedAt,
  );
}

function mergeActs(all: readonly Act[], note: Note): Act[] {
  const byCode = new Map<string, Act>();
  for (const a of all) {
    const first = byCode.get(a.code);
    if (first === undefined) byCode.set(a.code, a);
    else if (first.icr !== a.icr)
      note('warning', 'duplicate-act', {
        code: a.code,
        first: String(first.icr),
        other: String(a.icr),
      });
  }
  return [...byCode.values()];
}

/**
 * Writes the kit to a scratch folder and reads it back with readKitDir: the assembled kit gets
 * exactly the checks of a hand-made one. Issues are re-filed under ASSEMBLED with the record they
 * are about, since the scratch files are gone afterwards.
 */
async function roundTrip(kit: Kit): Promise<{ kit: Kit | null; issues: Issue[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'plateau-assemble-'));
  try {
    await writeKitDir(dir, kit);
    const result = await readKitDir(dir);
    return { kit: result.kit, issues: result.issues.map((i) => refile(i, kit)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function refile(issue: Issue, kit: Kit): Issue {
  const index = issue.line === null ? -1 : issue.line - 2;
  const refiled = { ...issue, file: `${ASSEMBLED} ${issue.file}` };
  if (issue.file === 'exams.csv') {
    const e = kit.exams[index];
    if (e) return about(refiled, 'about.exam', { id: e.examId, equipment: e.equipmentId });
  } else if (issue.file === 'sessions.csv') {
    const s = kit.sessions[index];
    if (s)
      return about(refiled, 'about.session', {
        equipment: s.equipmentId,
        start: new Date(s.start).toISOString(),
      });
  } else if (issue.file === 'equipment.csv') {
    const e = kit.equipment[index];
    if (e) return about(refiled, 'about.equipment', { id: e.equipmentId });
  } else if (issue.file === 'establishments.csv') {
    const e = kit.establishments[index];
    if (e) return about(refiled, 'about.establishment', { finess: e.finess });
  } else if (issue.file === 'acts.csv') {
    const a = kit.acts[index];
    if (a) return about(refiled, 'about.act', { code: a.code });
  }
  return refiled;
}
