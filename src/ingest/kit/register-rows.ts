/**
 * Rows of equipment-register.csv (planning.md §1): the whole fleet of the campaign's territory,
 * each machine with its site, département, authorisation and dates; a row naming a campaign
 * machine (`equipment_id`) is checked against it (modality, named once).
 */
import { parseIsoDate } from '../../core/calendar.ts';
import {
  MODALITIES,
  REGISTER_SECTORS,
  type Campaign,
  type Modality,
  type RegisterMachine,
} from '../../core/kit-types.ts';
import { normalizeDepartmentCode } from '../../plan/territories/population.ts';
import type { CsvRecord } from '../csv.ts';
import { detach, type CellReader } from './cells.ts';
import type { IssueSink } from './issue-sink.ts';
import { EQUIPMENT_FILE } from './kit-files.ts';
import type { KitMachines } from './kit-machines.ts';

type RowReader = (row: CsvRecord) => void;

/** The highest field strength a register row may give, in tesla (planning.md §1). */
const MAX_FIELD_TESLA = 11.7;
/** The earliest `installed_year` of a register row. */
const FIRST_INSTALLED_YEAR = 1950;

/** Reads equipment-register.csv's rows into `rows`. */
export class RegisterRows {
  readonly rows: RegisterMachine[] = [];
  /** equipment_id → the register line naming it. */
  readonly #registerNamed = new Map<string, number>();
  readonly #campaign: Campaign | null;
  readonly #machines: KitMachines;
  readonly #sink: IssueSink;

  constructor(campaign: Campaign | null, machines: KitMachines, sink: IssueSink) {
    this.#campaign = campaign;
    this.#machines = machines;
    this.#sink = sink;
  }

  /**
   * Rows of equipment-register.csv (planning.md §1): a machine of the whole fleet, its site by
   * FINESS (not checked against establishments.csv: the fleet spreads beyond the campaign's
   * sites), the campaign machine it is when `equipment_id` is given.
   */
  read(col: (c: string) => number, r: CellReader): RowReader {
    const iFiness = col('finess');
    const iDept = col('department');
    const iModality = col('modality');
    const iSector = col('sector');
    const iAuthorisation = col('authorisation_id');
    const iAuthorised = col('authorised_on');
    const iInService = col('in_service_on');
    const iYear = col('installed_year');
    const iTesla = col('field_tesla');
    const iEq = col('equipment_id');
    const register = this.rows;
    const campaign = this.#campaign;
    const campaignYear = campaign === null ? null : Number(campaign.start.slice(0, 4));
    return (row) => {
      const line = row.line;
      const finess = this.#registerFiness(row, iFiness, r);
      const department = this.#department(row, iDept, r);
      const modality = r.choice(MODALITIES, row, iModality, 'modality');
      const sector = r.choice(REGISTER_SECTORS, row, iSector, 'sector');
      const authorisation = row.cell(iAuthorisation);
      const authorisedOn = this.#isoDate(row, iAuthorised, 'authorised_on', r);
      const inServiceOn = this.#isoDate(row, iInService, 'in_service_on', r);
      let installedYear = r.number(row, iYear, 'installed_year', FIRST_INSTALLED_YEAR, false, true);
      if (installedYear !== null && campaignYear !== null && installedYear > campaignYear) {
        r.say('error', 'out-of-range.register-year', line, 'installed_year', {
          text: row.cell(iYear),
          year: String(campaignYear),
        });
        installedYear = NaN;
      }
      let fieldTesla = r.number(row, iTesla, 'field_tesla', 0, true);
      if (fieldTesla !== null && fieldTesla > MAX_FIELD_TESLA) {
        r.say('error', 'out-of-range.field-tesla', line, 'field_tesla', { text: row.cell(iTesla) });
        fieldTesla = NaN;
      } else if (fieldTesla !== null && fieldTesla === fieldTesla && modality === 'CT') {
        r.say('error', 'register-field-tesla', line, 'field_tesla', { text: row.cell(iTesla) });
        fieldTesla = NaN;
      }
      const equipmentId = this.#registerEquipment(row, iEq, modality, r);
      if (authorisedOn && inServiceOn && inServiceOn < authorisedOn) {
        r.say('warning', 'register-service-date', line, 'in_service_on', {
          inService: inServiceOn,
          authorised: authorisedOn,
        });
      }
      if (finess === null || department === null || !modality || !sector) return;
      if (authorisedOn === undefined || inServiceOn === undefined || equipmentId === undefined)
        return;
      if (installedYear !== installedYear || fieldTesla !== fieldTesla) return;
      if (this.#sink.errorCount > 0) return;
      register.push({
        finess,
        department,
        modality,
        sector,
        authorisationId: authorisation === '' ? null : detach(authorisation),
        authorisedOn,
        inServiceOn,
        installedYear,
        fieldTesla,
        equipmentId,
        origin: 'register',
      });
    };
  }

  /** A register row's finess: present and 9 characters (many rows share one site). */
  #registerFiness(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'finess');
    if (text === null) return null;
    if (text.length === 9) return detach(text);
    const dropped = /^\d{8}$/.test(text);
    r.say('error', dropped ? 'invalid-finess.leading-zero' : 'invalid-finess', row.line, 'finess', {
      finess: text,
      length: text.length,
    });
    return null;
  }

  /** A département as INSEE writes it (`59`, `2A`, `971`); null (with an error) otherwise. */
  #department(row: CsvRecord, i: number, r: CellReader): string | null {
    const text = r.required(row, i, 'department');
    if (text === null) return null;
    const code = normalizeDepartmentCode(text);
    if (code === null) r.say('error', 'register-department', row.line, 'department', { text });
    return code;
  }

  /** An optional date `YYYY-MM-DD`: null when blank, undefined (with an error) when not a calendar date. */
  #isoDate(row: CsvRecord, i: number, column: string, r: CellReader): string | null | undefined {
    if (row.blank(i)) return null;
    const text = row.cell(i);
    if (parseIsoDate(text) !== null) return detach(text);
    r.say('error', 'register-date', row.line, column, { column, text });
    return undefined;
  }

  /**
   * A register row's `equipment_id`: null when blank, else a machine of equipment.csv (or of the
   * stored campaign) of the row's modality, named by no other row; undefined (with an error) when not.
   */
  #registerEquipment(
    row: CsvRecord,
    i: number,
    modality: Modality | null | undefined,
    r: CellReader,
  ): string | null | undefined {
    if (row.blank(i)) return null;
    const text = row.cell(i);
    const line = row.line;
    const known = this.#machines.ids.get(text);
    if (known === undefined) {
      // equipment.csv unusable (already an error): no cascade of unknown references.
      if (!this.#machines.checked) return undefined;
      if (this.#machines.storedCampaign !== null) {
        r.say('error', 'unknown-reference.register-campaign', line, 'equipment_id', {
          id: text,
          campaign: this.#machines.storedCampaign,
        });
      } else {
        r.say('error', 'unknown-reference.equipment', line, 'equipment_id', {
          id: text,
          file: EQUIPMENT_FILE.name,
        });
      }
      return undefined;
    }
    let ok = true;
    const first = this.#registerNamed.get(known.id);
    if (first !== undefined) {
      r.say('error', 'duplicate-key.register-equipment', line, 'equipment_id', {
        id: text,
        first: String(first),
      });
      ok = false;
    } else this.#registerNamed.set(known.id, line);
    if (modality && known.modality !== null && known.modality !== modality) {
      const params = { id: text, equipmentModality: known.modality, modality };
      if (this.#machines.storedCampaign === null)
        r.say('error', 'register-modality', line, 'equipment_id', {
          ...params,
          file: EQUIPMENT_FILE.name,
        });
      else
        r.say('error', 'register-modality.campaign', line, 'equipment_id', {
          ...params,
          campaign: this.#machines.storedCampaign,
        });
      ok = false;
    }
    return ok ? known.id : undefined;
  }
}
