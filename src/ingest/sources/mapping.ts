/**
 * The site mapping file: what a hospital-system source cannot say by itself, kept by the site in
 * one CSV file (`mapping.csv`, `,` or `;` separated, UTF-8) with four columns:
 *
 * ```
 * kind,key,value,target
 * site,finess,,620454421              the site's FINESS géographique (required)
 * site,time_zone,,Europe/Paris        IANA zone of source times without an offset (required)
 * site,name,,CH de Lens               the establishment, when no source describes it:
 * site,legal_status,,CH                 name, legal_status (CH, CHU, ESPIC…), region and
 * site,region,,Hauts-de-France          optional department
 * site,department,,62
 * equipment,station,CTSCAN1,CT-LENS-1 a device key → an equipment id; key is one of station
 * equipment,ae_title,CT1_AE,CT-LENS-1   (DICOM StationName), ae_title, serial (DeviceSerialNumber)
 * equipment,serial,12345,CT-LENS-1      or location (a room code: HL7 AIL-3, OBR-18, FHIR Location)
 * equipment,location,SALLE2,IRM-LENS-1
 * equipment,modality,CT,CT-LENS-1     what the machine is, when no source says it: modality
 * equipment,label,Scanner 1,CT-LENS-1   (CT or MR), label, installed_year, role (general,
 * equipment,role,emergency,CT-LENS-1    emergency, interventional, research)
 * category,patient_class,E,U          HL7 PV1-2 / FHIR Encounter.class → category A, H, R or U
 * category,unit,REA1,R                a ward / medical unit (UF) → category
 * act,local_code,SCAN-THORAX,ZBQK002  a local exam code → a CCAM code
 * ```
 *
 * For `site` rows the value is in `target` (`value` stays empty). Rows are tried in file order
 * and the first match wins, so put specific rules (a unit) before general ones (a patient
 * class). Keys are compared trimmed and case-insensitively (DICOM pads AE titles with spaces).
 */
import { isValidTimeZone } from '../../core/calendar.ts';
import type { Issue } from '../../core/issues.ts';
import type { IssueKey, IssueParams } from '../../i18n/issues/index.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import { wideEncodingOfText } from '../text-encoding.ts';
import {
  CATEGORIES,
  EQUIPMENT_ROLES,
  LEGAL_STATUSES,
  MODALITIES,
  type Category,
  type EquipmentRole,
  type Establishment,
  type LegalStatus,
  type Modality,
} from '../../core/kit-types.ts';
import { quoteCode } from '../kit/identifying.ts';
import { parseCsv } from '../csv.ts';
import type { SiteMapping } from './types.ts';

/** What the mapping says of one machine, when no source describes it. */
export interface MachineInfo {
  modality?: Modality;
  label?: string;
  installedYear?: number;
  role?: EquipmentRole;
}

/** A parsed mapping file: the adapters' SiteMapping plus what it says of the site and machines. */
export interface SiteMappingFile extends SiteMapping {
  /** The establishment, when the file gives its name, legal status and region; else null. */
  establishment: Establishment | null;
  /** Equipment id → what `equipment,modality|label|installed_year|role` rows say of it. */
  machines: Map<string, MachineInfo>;
}

/** Device keys an adapter knows (any of them). */
export interface DeviceKeys {
  station?: string | null;
  aeTitle?: string | null;
  serial?: string | null;
  location?: string | null;
}

const COLUMNS = ['kind', 'key', 'value', 'target'] as const;
const KINDS = ['site', 'equipment', 'category', 'act'] as const;
const SITE_KEYS = ['finess', 'time_zone', 'name', 'legal_status', 'region', 'department'] as const;
const DEVICE_KEYS = {
  station: 'station',
  ae_title: 'aeTitle',
  serial: 'serial',
  location: 'location',
} as const;
const MACHINE_KEYS = ['modality', 'label', 'installed_year', 'role'] as const;
const CATEGORY_KEYS = { patient_class: 'patientClass', unit: 'unit' } as const;
const CCAM = /^[A-Z]{4}\d{3}$/;

const norm = (s: string): string => s.trim().toUpperCase();
const has = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/**
 * Reads a site mapping file. Every problem is a located issue (`mapping.csv:4:target`); the
 * mapping is null as soon as one is an error.
 *
 * @example
 * const { mapping, issues } = parseMapping('mapping.csv', 'kind,key,value,target\nsite,finess,,620454421\nsite,time_zone,,Europe/Paris\n');
 * mapping?.finess; // '620454421'
 */
export function parseMapping(
  name: string,
  text: string,
): { mapping: SiteMappingFile | null; issues: Issue[] } {
  // Saved as "Unicode text": its NUL bytes would be read as a header with no known column.
  const wide = wideEncodingOfText(text);
  if (wide !== null)
    return {
      mapping: null,
      issues: [
        makeIssue('error', 'encoding.unicode', name, null, null, { file: name, encoding: wide }),
      ],
    };
  const table = parseCsv(text, name);
  const issues: Issue[] = [...table.issues];
  const issue = (
    line: number | null,
    column: string | null,
    key: IssueKey,
    params: IssueParams = {},
    severity: Issue['severity'] = 'error',
  ): void => {
    issues.push(makeIssue(severity, key, name, line, column, params));
  };
  const at = new Map<string, number>();
  table.columns.forEach((c, i) => at.set(c.toLowerCase(), i));
  const missing = COLUMNS.filter((c) => !at.has(c));
  if (table.columns.length > 0 && missing.length > 0) {
    issue(1, null, 'missing-column.mapping', { missing: missing.join(', ') });
    return { mapping: null, issues };
  }
  const site = new Map<string, { value: string; line: number }>();
  const mapping: SiteMappingFile = {
    finess: '',
    timeZone: '',
    equipment: [],
    categories: [],
    acts: [],
    establishment: null,
    machines: new Map(),
  };

  table.rows.forEach((row, r) => {
    const line = table.lines[r] ?? null;
    const get = (c: (typeof COLUMNS)[number]): string => row[at.get(c) ?? -1]?.trim() ?? '';
    const kind = get('kind').toLowerCase();
    const key = get('key').toLowerCase();
    const value = get('value');
    const target = get('target');
    const need = (
      what: 'site-target' | 'value' | 'target',
      ok: boolean,
      column: string,
    ): boolean => {
      if (!ok)
        issue(line, column, `missing-value.${what}`, {
          kind: quoteCode(kind, 64),
          key: quoteCode(key, 64),
        });
      return ok;
    };
    if (!has(KINDS, kind)) {
      issue(line, 'kind', 'unknown-kind', { kind: quoteCode(kind, 64), kinds: KINDS.join(', ') });
      return;
    }
    if (kind === 'site') {
      if (!has(SITE_KEYS, key)) {
        issue(line, 'key', 'unknown-key.site', {
          key: quoteCode(key, 64),
          keys: SITE_KEYS.join(', '),
        });
        return;
      }
      if (!need('site-target', target !== '', 'target')) return;
      const first = site.get(key);
      if (first) {
        issue(line, 'key', 'duplicate-key.site', {
          key: quoteCode(key, 64),
          first: String(first.line),
        });
        return;
      }
      site.set(key, { value: target, line: line ?? 0 });
      return;
    }
    if (!need('value', value !== '', 'value')) return;
    if (!need('target', target !== '', 'target')) return;
    if (kind === 'equipment') {
      if (key in DEVICE_KEYS) {
        mapping.equipment.push({
          [DEVICE_KEYS[key as keyof typeof DEVICE_KEYS]]: value,
          equipmentId: target,
        });
      } else if (has(MACHINE_KEYS, key)) {
        machineRow(mapping.machines, key, value, target, (column, which, params) =>
          issue(line, column, which, params),
        );
      } else {
        issue(line, 'key', 'unknown-key.equipment', {
          key: quoteCode(key, 64),
          keys: [...Object.keys(DEVICE_KEYS), ...MACHINE_KEYS].join(', '),
        });
      }
      return;
    }
    if (kind === 'category') {
      if (!(key in CATEGORY_KEYS)) {
        issue(line, 'key', 'unknown-key.category', {
          key: quoteCode(key, 64),
          keys: Object.keys(CATEGORY_KEYS).join(', '),
        });
        return;
      }
      const category = target.toUpperCase();
      if (!has(CATEGORIES, category)) {
        issue(line, 'target', 'invalid-category', { value: quoteCode(target, 64) });
        return;
      }
      mapping.categories.push({
        [CATEGORY_KEYS[key as keyof typeof CATEGORY_KEYS]]: value,
        category,
      });
      return;
    }
    if (key !== 'local_code') {
      issue(line, 'key', 'unknown-key.act', { key: quoteCode(key, 64) });
      return;
    }
    const ccam = target.toUpperCase();
    if (!CCAM.test(ccam))
      issue(line, 'target', 'invalid-ccam', { value: quoteCode(target, 64) }, 'warning');
    mapping.acts.push({ localCode: value, ccam });
  });

  const finess = site.get('finess');
  if (!finess) issue(null, null, 'missing-finess');
  else if (finess.value.length !== 9)
    issue(finess.line, 'target', 'invalid-finess.mapping', {
      finess: quoteCode(finess.value, 64),
      length: finess.value.length,
    });
  else mapping.finess = finess.value;
  const zone = site.get('time_zone');
  if (!zone) issue(null, null, 'missing-time-zone');
  else if (!isValidTimeZone(zone.value))
    issue(zone.line, 'target', 'invalid-time-zone', { zone: quoteCode(zone.value, 64) });
  else mapping.timeZone = zone.value;
  mapping.establishment = establishmentOf(site, mapping.finess, (line, column, which, params) =>
    issue(line, column, which, params),
  );

  return { mapping: issues.some((i) => i.severity === 'error') ? null : mapping, issues };
}

function machineRow(
  machines: Map<string, MachineInfo>,
  key: (typeof MACHINE_KEYS)[number],
  value: string,
  target: string,
  bad: (column: string, key: IssueKey, params: IssueParams) => void,
): void {
  const info = machines.get(target) ?? {};
  machines.set(target, info);
  if (key === 'label') info.label = value;
  else if (key === 'modality') {
    const m = value.toUpperCase();
    if (has(MODALITIES, m)) info.modality = m;
    else bad('value', 'invalid-value.modality', { value: quoteCode(value, 64) });
  } else if (key === 'role') {
    if (has(EQUIPMENT_ROLES, value)) info.role = value;
    else
      bad('value', 'invalid-value.role', {
        value: quoteCode(value, 64),
        roles: EQUIPMENT_ROLES.join(', '),
      });
  } else {
    const year = Number(value);
    if (/^\d{4}$/.test(value) && year >= 1970 && year <= 2100) info.installedYear = year;
    else bad('value', 'invalid-value.year', { value: quoteCode(value, 64) });
  }
}

function establishmentOf(
  site: Map<string, { value: string; line: number }>,
  finess: string,
  bad: (line: number, column: string, key: IssueKey, params: IssueParams) => void,
): Establishment | null {
  const name = site.get('name');
  const status = site.get('legal_status');
  const region = site.get('region');
  if (status && !has(LEGAL_STATUSES, status.value)) {
    bad(status.line, 'target', 'invalid-value.legal-status', {
      value: quoteCode(status.value, 64),
      statuses: LEGAL_STATUSES.join(', '),
    });
    return null;
  }
  if (!name || !status || !region || finess === '') return null;
  return {
    finess,
    name: name.value,
    legalStatus: status.value as LegalStatus,
    region: region.value,
    department: site.get('department')?.value ?? null,
  };
}

/**
 * The equipment id of a device: the first mapping entry whose given keys all equal the
 * device's (trimmed, case-insensitive); null when none matches.
 *
 * @example
 * equipmentFor(mapping, { station: 'CTSCAN1', aeTitle: 'CT1_AE  ' }); // 'CT-LENS-1'
 */
export function equipmentFor(mapping: SiteMapping, keys: DeviceKeys): string | null {
  const fields = ['station', 'aeTitle', 'serial', 'location'] as const;
  for (const entry of mapping.equipment) {
    let given = 0;
    let all = true;
    for (const f of fields) {
      const want = entry[f];
      if (want === undefined) continue;
      given++;
      const have = keys[f];
      if (have === undefined || have === null || norm(have) !== norm(want)) all = false;
    }
    if (given > 0 && all) return entry.equipmentId;
  }
  return null;
}

/**
 * The category of a stay: the first mapping entry whose given fields (patient class, unit)
 * all match; null when none does.
 *
 * @example
 * categoryFor(mapping, { patientClass: 'I', unit: 'REA1' }); // 'R' when `category,unit,REA1,R` comes first
 */
export function categoryFor(
  mapping: SiteMapping,
  keys: { patientClass?: string | null; unit?: string | null },
): Category | null {
  for (const entry of mapping.categories) {
    let given = 0;
    let all = true;
    for (const f of ['patientClass', 'unit'] as const) {
      const want = entry[f];
      if (want === undefined) continue;
      given++;
      const have = keys[f];
      if (have === undefined || have === null || norm(have) !== norm(want)) all = false;
    }
    if (given > 0 && all) return entry.category;
  }
  return null;
}

/**
 * The CCAM code of a local exam code (first match), or null.
 *
 * @example
 * ccamFor(mapping, 'scan-thorax'); // 'ZBQK002'
 */
export function ccamFor(mapping: SiteMapping, code: string): string | null {
  const key = norm(code);
  return mapping.acts.find((a) => norm(a.localCode) === key)?.ccam ?? null;
}
