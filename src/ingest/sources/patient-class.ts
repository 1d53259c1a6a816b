/**
 * One rule for every source (HL7 v2, FHIR, DICOM) when an exam's patient category cannot be
 * known — its source gives no patient class or unit, or one the site mapping does not list: the
 * exam is kept and counted as an outpatient (category A), never dropped, and one warning per
 * source and reason says how many exams, why, and what to do. Dropping it would take its room
 * time out of every machine figure (passages, occupancy, ICR per hour); category A only shifts
 * the figures split by patient type (share from the emergency department, delays by type).
 * A data kit or workbook row has no such case: its `category` column is required there.
 */
import type { Issue } from '../../core/issues.ts';
import { makeIssue } from '../../i18n/issues/index.ts';
import type { Category } from '../../core/kit-types.ts';
import { quoteCode } from '../kit/identifying.ts';
import { isHashed } from './identity.ts';

/** The category of an exam whose patient category cannot be known. */
export const UNKNOWN_CLASS_CATEGORY: Category = 'A';

/** The exams of one source counted under the rule, and where the first of each kind was. */
interface Tally {
  count: number;
  file: string;
  line: number | null;
  values: Set<string>;
}

/** The sources the rule applies to. */
export type ClassSource = 'HL7 v2' | 'FHIR' | 'DICOM';

/** The catalog key of the no-patient-class warning of each source (which words its fields). */
const MISSING_KEYS: Readonly<
  Record<ClassSource, 'no-patient-class.hl7v2' | 'no-patient-class.fhir' | 'no-patient-class.dicom'>
> = {
  'HL7 v2': 'no-patient-class.hl7v2',
  FHIR: 'no-patient-class.fhir',
  DICOM: 'no-patient-class.dicom',
};

/** Distinct values named in the message, at most. */
const SHOWN_VALUES = 5;

/** Where a source carries the patient class, as its messages name it. */
export interface ClassFields {
  /** The source's name, as messages name it. */
  source: ClassSource;
  /** The field an issue points at, e.g. `PV1.2`, `encounter`, `(0032,1033)`. */
  column: string;
}

/**
 * Counts the exams of one source read under the rule, then gives their two warnings:
 * `no-patient-class` (the source gave none) and `unmapped-category` (the mapping lacks it).
 *
 * @example
 * const unknown = new UnknownCategories({ source: 'HL7 v2', column: 'PV1.2' });
 * const category = categoryFor(mapping, stay) ?? unknown.count(file, line, stay);
 * issues.push(...unknown.issues());
 */
export class UnknownCategories {
  private readonly missing: Tally = { count: 0, file: '', line: null, values: new Set() };
  private readonly unmapped: Tally = { count: 0, file: '', line: null, values: new Set() };

  constructor(private readonly where: ClassFields) {}

  /**
   * Counts one exam and returns the category it takes: `given` holds the class and unit values
   * the source gave (empty when it gave none).
   */
  count(file: string, line: number | null, given: readonly string[]): Category {
    const tally = given.length === 0 ? this.missing : this.unmapped;
    if (tally.count === 0) {
      tally.file = file;
      tally.line = line;
    }
    tally.count += 1;
    for (const v of given) if (tally.values.size < SHOWN_VALUES + 1) tally.values.add(v);
    return UNKNOWN_CLASS_CATEGORY;
  }

  /** The warnings, located at the first exam of each kind (none when every category was known). */
  issues(): Issue[] {
    const out: Issue[] = [];
    const { source, column } = this.where;
    if (this.missing.count > 0) {
      out.push(
        makeIssue('warning', MISSING_KEYS[source], this.missing.file, this.missing.line, column, {
          n: this.missing.count,
        }),
      );
    }
    if (this.unmapped.count > 0) {
      const values = [...this.unmapped.values];
      const shown = values
        .slice(0, SHOWN_VALUES)
        .map((v) => (isHashed(v) ? 'a hashed value' : quoteCode(v, 32)))
        .join(', ');
      out.push(
        makeIssue('warning', 'unmapped-category', this.unmapped.file, this.unmapped.line, column, {
          n: this.unmapped.count,
          source,
          values: shown,
          more: values.length > SHOWN_VALUES ? 1 : 0,
        }),
      );
    }
    return out;
  }
}
