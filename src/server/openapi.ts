/**
 * The OpenAPI 3.1 document of the API, written by hand as a typed object: every route, its
 * parameters and the schema of each answer, mirroring `core/views/types.ts`. A test checks that
 * every route the app registers is documented here, with its parameters.
 */
import {
  LEGAL_STATUSES,
  MODALITIES,
  CATEGORIES,
  REGISTER_SECTORS,
  SESSION_TYPES,
  SURVEY_PATIENTS,
} from '../core/kit-types.ts';
import { PATIENT_TYPES } from '../core/indicators/types.ts';
import { SEVERITIES } from '../core/issues.ts';
import { MACHINE_FIGURES } from '../core/benchmark.ts';
import { PEER_SCOPES, TYPOLOGIES } from '../core/views/filters.ts';
import { POPULATION } from '../plan/territories/population.ts';
import {
  PROVENANCES,
  REFERENCE_MEASURES,
  TERRITORY_CAVEATS,
  TERRITORY_LEVELS,
} from '../plan/territories/types.ts';
import { FIGURE_KEYS, SCENARIO_CHANGE_TYPES } from '../plan/simulation/types.ts';
import { ONCALL_FIGURES } from '../plan/oncall/document.ts';
import { RELEVANCE_LEVELS } from '../plan/relevance/document.ts';
import { UPLOAD_STAGES, UPLOAD_STATES, UPLOAD_TABLES } from '../core/views/upload-stages.ts';
import { ACCOUNT_PATHS, ACCOUNT_SCHEMAS } from './auth/openapi-accounts.ts';
import { TREND_PATHS, TREND_SCHEMAS } from './routes/openapi-trends.ts';
import { BUNDLE_PATHS, BUNDLE_SCHEMAS } from './routes/openapi-bundles.ts';
import {
  arr,
  bool,
  int,
  json,
  nullable,
  num,
  numOrNull,
  obj,
  ok,
  partialRecord,
  path,
  query,
  ref,
  str,
  strEnum,
  strOrNull,
  use,
} from './openapi-parts.ts';
import { plateauVersion } from '../system/version.ts';

/** The subset of JSON Schema 2020-12 the document uses. */
export interface Schema {
  $ref?: string;
  type?:
    | 'object'
    | 'array'
    | 'string'
    | 'number'
    | 'integer'
    | 'boolean'
    | 'null'
    | ('string' | 'number' | 'integer' | 'null')[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: readonly (string | number | null)[];
  const?: string | number;
  format?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  contentMediaType?: string;
  default?: string | number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: Schema;
}

export interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: Schema }>;
  content?: Record<string, { schema: Schema }>;
}

/** A response, or a reference to one of `components.responses`. */
export type ResponseOrRef = Response | { $ref: string };

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: {
    required: boolean;
    description: string;
    content: Record<string, { schema: Schema }>;
  };
  responses: Record<string, ResponseOrRef>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<'get' | 'post' | 'delete', Operation>>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Response> };
}

const modality = strEnum(MODALITIES);
const typology = strEnum(TYPOLOGIES);
const legalStatus = strEnum(LEGAL_STATUSES);
const UNITS = [...new Set(MACHINE_FIGURES.map((f) => f.unit))];

const costOrigin = strEnum(['input', 'illustrative']);
const costNullReason = strEnum([
  'no-cost-row',
  'no-exams',
  'no-opening-hours',
  'no-icr',
  'no-campaign-days',
]);
const oncallProvenance = strEnum(['measured', 'input', 'illustrative']);
const pdsPeriods = (value: Schema): Schema => obj({ night: value, weekend: value });
const scopeFigures = {
  headCt: int,
  headMr: int,
  neuroCtShare: {
    ...numOrNull,
    description: 'Head CT ÷ (head CT + head MRI), 0–1; null without head exams.',
  },
  neuroCtRank: {
    ...numOrNull,
    description: 'Percentile rank among peers, 0–1; null when not ranked.',
  },
  flagged: {
    ...bool,
    description:
      "Above the peers' P80: to review against the Guide du bon usage (never a verdict).",
  },
};
const scope = obj(scopeFigures);
const neuroQuantiles = obj({
  all: ref('Quantiles'),
  scheduled: ref('Quantiles'),
  emergency: ref('Quantiles'),
});
/** The planning documents (plan/costs/document.ts, plan/relevance/document.ts, plan/oncall/document.ts). */
const PLANNING_SCHEMAS: Record<string, Schema> = {
  CostsDocument: obj(
    {
      origin: {
        ...costOrigin,
        description:
          "input: the kit's costs.csv; illustrative: demo orders of magnitude, to be said wherever a figure shows.",
      },
      costsFile: strOrNull,
      forfaitReference: obj({ source: str, year: int }),
      machines: arr(
        obj({
          equipmentId: str,
          finess: str,
          modality,
          ageYears: numOrNull,
          amortisationCounted: nullable(bool),
          ageUnknown: bool,
          annualisedExams: numOrNull,
          costPerYear: numOrNull,
          costPerOpeningHour: numOrNull,
          costPerExam: numOrNull,
          costPerIcr: numOrNull,
          ftTier: { type: ['integer', 'null'], enum: [0, 1, 2, null] },
          examsToNextTier: numOrNull,
          ftThresholds: nullable(arr(num)),
          provenance: obj({
            costs: costOrigin,
            annualisedExams: { type: 'string', const: 'measured' },
            ftTier: { type: 'string', const: 'reference' },
          }),
          nullReasons: partialRecord(
            ['costPerYear', 'costPerOpeningHour', 'costPerExam', 'costPerIcr'],
            costNullReason,
          ),
        }),
      ),
      sites: arr(
        obj({
          finess: str,
          machines: int,
          machinesWithoutCosts: arr(str),
          annualisedExams: numOrNull,
          costPerYear: numOrNull,
          costPerExam: numOrNull,
          costPerIcr: numOrNull,
          provenance: obj({
            costs: costOrigin,
            annualisedExams: { type: 'string', const: 'measured' },
          }),
        }),
      ),
    },
    [],
    'Per machine and per site: yearly cost, per opening hour, per exam and per ICR point (euros, null with its reason), and the forfait technique tier, each with its provenance.',
  ),
  CostsAnswer: obj(
    { costs: nullable(ref('CostsDocument')) },
    [],
    'costs is null when the campaign was imported without a costs.csv.',
  ),
  RelevanceDocument: obj(
    {
      campaign: obj({ id: str, name: str }),
      level: strEnum(RELEVANCE_LEVELS),
      sites: arr(
        obj({
          finess: str,
          name: strOrNull,
          ...scopeFigures,
          peer: {
            ...bool,
            description: 'Ranked among peers (the site has both a CT and an MRI machine).',
          },
          scheduled: scope,
          emergency: scope,
          repeatShare: {
            ...numOrNull,
            description:
              'Same-family repeats within 30 days ÷ exams with a patient key; null without patient keys.',
          },
          exams: int,
          withoutRequestShare: numOrNull,
          withoutBookedShare: numOrNull,
        }),
      ),
      territories: arr(
        obj({
          id: str,
          name: strOrNull,
          level: strEnum(['department', 'region']),
          sites: int,
          ...scopeFigures,
          scheduled: scope,
          emergency: scope,
          repeatShare: numOrNull,
        }),
      ),
      peers: obj({ sites: neuroQuantiles, territories: neuroQuantiles }),
      notes: arr(
        obj({
          code: strEnum([
            'repeats-need-patient-key',
            'unknown-machine-exams',
            'sites-without-territory',
          ]),
          n: int,
        }),
      ),
    },
    [],
    "Neuro CT share per site (all, scheduled, emergency) against its peers' P20/P50/P80, repeats and data-quality shares; territories at département or region level.",
  ),
  OncallQueue: obj({
    sites: arr(str),
    periods: arr(strEnum(['night', 'weekend'])),
    arrivalsPerHour: num,
    peakArrivalsPerHour: num,
    lines: { type: ['integer', 'null'] },
    shareWithinTarget: numOrNull,
    meanResponseMinutes: numOrNull,
    method: strEnum(['erlang-c', 'simulation']),
  }),
  OncallDocument: obj(
    {
      campaign: obj({
        id: str,
        name: str,
        start: { type: 'string', format: 'date' },
        days: int,
        timeZone: str,
      }),
      territory: obj({
        kind: strEnum(['department', 'region', 'sites']),
        code: strOrNull,
        name: strOrNull,
        sites: nullable(arr(str)),
      }),
      sites: arr(obj({ finess: str, name: str, department: strOrNull })),
      demand: obj({
        campaignDays: int,
        hoursPerWeek: pdsPeriods(num),
        rows: arr(
          obj({
            site: str,
            modality,
            examsInCampaign: int,
            perWeek: pdsPeriods(num),
            perYear: num,
            byHourOfWeek: {
              ...arr(num),
              description:
                '168 values: exams per week in each hour of the week, index (Monday 0 … Sunday 6) × 24 + local hour; weekday daytime 0.',
            },
          }),
        ),
        provenance: { type: 'string', const: 'measured' },
      }),
      options: arr(
        obj({
          option: strEnum([
            'separate',
            'hub',
            'hub-night-sites-weekend',
            'sites-night-hub-weekend',
          ]),
          linesNeeded: { type: ['integer', 'null'] },
          onCallHoursPerWeek: numOrNull,
          shareReadWithinTarget: numOrNull,
          meanResponseMinutes: numOrNull,
          examsPerOnCallHour: numOrNull,
          costPerWeek: numOrNull,
          provenance: obj(Object.fromEntries(ONCALL_FIGURES.map((k) => [k, oncallProvenance]))),
          queues: arr(ref('OncallQueue')),
        }),
      ),
      model: obj({
        readingMinutes: partialRecord(MODALITIES, num),
        readingProvenance: oncallProvenance,
        distribution: strEnum(['deterministic', 'exponential']),
        targetMinutes: num,
        targetShare: num,
        hourlyRate: numOrNull,
        seed: num,
        simulatedCustomers: int,
        maxLines: int,
        holidays: arr({ type: 'string', format: 'date' }),
      }),
      notes: arr(
        obj({
          code: strEnum([
            'illustrativeReading',
            'stationary',
            'noHolidays',
            'unreachable',
            'readingCeiling',
            'noDemand',
          ]),
          params: {
            type: 'object',
            description: 'Raw parameters (shares 0–1, minutes), worded by each client.',
            additionalProperties: { type: ['string', 'number'] },
          },
        }),
      ),
    },
    [],
    'The PDS (nights Monday–Friday 20:00–08:00, weekends and the holidays given) demand of the territory and the four pooling options, each figure with its provenance (measured, input, illustrative).',
  ),
};

const schemas: Record<string, Schema> = {
  ApiError: obj({ error: obj({ code: str, message: str }) }, [], 'Every error answer.'),
  Health: obj({ status: { type: 'string', const: 'ok' }, engine: strEnum(['pglite', 'postgres']) }),
  Quantiles: obj(
    { n: int, p20: numOrNull, p50: numOrNull, p80: numOrNull },
    [],
    'P20/P50/P80 of a sample of n values.',
  ),
  ModalityCounts: partialRecord(MODALITIES, int),
  CampaignRef: obj({
    id: str,
    name: str,
    start: { type: 'string', format: 'date' },
    days: int,
    timeZone: str,
  }),
  CampaignSummary: obj(
    {
      id: str,
      name: str,
      start: { type: 'string', format: 'date' },
      days: int,
      timeZone: str,
      updatedAt: { type: 'string', format: 'date-time' },
      exams: int,
      machines: ref('ModalityCounts'),
      establishments: int,
      bundleSites: {
        type: 'integer',
        description:
          'How many establishments came as signed bundles of aggregates (issue 16); absent when none.',
      },
      bundleMachines: {
        type: 'integer',
        description: 'How many machines those bundle sites hold; absent when none.',
      },
    },
    ['bundleSites', 'bundleMachines'],
  ),
  FilterOptions: obj({
    modalities: arr(modality),
    regions: arr(str),
    legalStatuses: arr(legalStatus),
    typologies: arr(typology),
    departments: {
      ...arr(str),
      description: "INSEE codes of the sites' départements, in INSEE order.",
    },
    inseeRegions: { ...arr(str), description: "INSEE codes of the sites' current regions." },
  }),
  CampaignDetail: obj({
    id: str,
    name: str,
    start: { type: 'string', format: 'date' },
    days: int,
    timeZone: str,
    updatedAt: { type: 'string', format: 'date-time' },
    exams: int,
    machines: ref('ModalityCounts'),
    establishments: int,
    options: ref('FilterOptions'),
  }),
  PeerFilter: obj(
    {
      modality,
      region: str,
      legalStatus,
      typology,
      finess: str,
      department: str,
      inseeRegion: str,
    },
    ['modality', 'region', 'legalStatus', 'typology', 'finess', 'department', 'inseeRegion'],
  ),
  PeerBenchmark: obj(
    {
      programmedOpening: ref('Quantiles'),
      extendedOpening: ref('Quantiles'),
      totalOpening: ref('Quantiles'),
      programmedPlusEmergencyOpening: ref('Quantiles'),
      occupancyProgrammed: ref('Quantiles'),
      occupancyProgrammedPlusEmergency: ref('Quantiles'),
      icrPerHour: ref('Quantiles'),
      passagesPerWeek: ref('Quantiles'),
      emergencyShare: ref('Quantiles'),
      nightPerWeek: ref('Quantiles'),
      onCallHoursPerWeek: ref('Quantiles'),
      durationMinutes: partialRecord(CATEGORIES, ref('Quantiles')),
      durationMedianMinutes: partialRecord(CATEGORIES, ref('Quantiles')),
      reportDelayMinutes: partialRecord(PATIENT_TYPES, ref('Quantiles')),
      reportDelayMedianMinutes: partialRecord(PATIENT_TYPES, ref('Quantiles')),
      appointmentDelayDays: partialRecord(SURVEY_PATIENTS, ref('Quantiles')),
      significantOnCallShare: numOrNull,
      strongNightShare: numOrNull,
      lowNightShare: numOrNull,
      machines: int,
      includedMachines: int,
    },
    [],
    'The benchmark of one peer group (a modality, possibly narrowed).',
  ),
  SurveySummary: obj({
    modality,
    byPatient: partialRecord(SURVEY_PATIENTS, ref('Quantiles')),
    byCase: arr(obj({ case: str, patient: strEnum(SURVEY_PATIENTS), days: ref('Quantiles') })),
  }),
  MachinePoint: obj(
    {
      equipmentId: str,
      label: strOrNull,
      finess: str,
      establishment: str,
      modality,
      region: strOrNull,
      legalStatus: nullable(legalStatus),
      typology,
      occupancyIncluded: bool,
      exams: int,
      nightLevel: strEnum(['strong', 'moderate', 'low']),
      significantOnCall: bool,
      origin: {
        type: 'string',
        enum: ['bundle'],
        description:
          'bundle: its site came as a signed bundle of aggregates (no sessions or exams stored); absent for raw data.',
      },
      figures: {
        type: 'object',
        description:
          'Every ranked figure (MACHINE_FIGURES keys) plus programmedPlusEmergencyOpening; null when not computable.',
        additionalProperties: numOrNull,
      },
    },
    ['origin'],
  ),
  BenchmarkView: obj({
    campaign: ref('CampaignRef'),
    filter: ref('PeerFilter'),
    options: ref('FilterOptions'),
    benchmark: partialRecord(MODALITIES, ref('PeerBenchmark')),
    survey: partialRecord(MODALITIES, ref('SurveySummary')),
    machines: arr(ref('MachinePoint')),
    pooledExact: {
      type: 'boolean',
      description:
        'True when exam-level distributions were pooled over the selected machines; false when the samples are not stored (they are then left out).',
    },
  }),
  RegionListing: obj(
    {
      region: str,
      establishments: int,
      machines: ref('ModalityCounts'),
      exams: int,
      bundleSites: int,
    },
    ['bundleSites'],
  ),
  EstablishmentListing: obj(
    {
      finess: str,
      name: str,
      region: str,
      department: strOrNull,
      legalStatus,
      machines: ref('ModalityCounts'),
      exams: int,
      origin: {
        type: 'string',
        enum: ['bundle'],
        description:
          'bundle: the site came as a signed bundle of aggregates (no sessions or exams stored); absent for raw data.',
      },
    },
    ['origin'],
  ),
  FigureComparison: obj({
    key: strEnum(MACHINE_FIGURES.map((f) => f.key)),
    unit: strEnum(UNITS),
    value: numOrNull,
    peers: ref('Quantiles'),
    rank: { type: ['number', 'null'], minimum: 0, maximum: 1 },
  }),
  Lead: obj({ n: int, p50: numOrNull, p80: numOrNull, hoursPerWeek: num }),
  Leads: obj({
    lateStartMinutes: nullable(ref('Lead')),
    earlyEndMinutes: nullable(ref('Lead')),
    turnoverGapMinutes: nullable(ref('Lead')),
    overrunMinutes: nullable(ref('Lead')),
  }),
  MachineIndicators: {
    type: 'object',
    description:
      'Everything plateau computes for one machine (the JSON contract of indicators.md, as stored).',
    properties: {
      equipmentId: str,
      finess: str,
      modality,
      region: strOrNull,
      legalStatus: nullable(legalStatus),
      exams: int,
      passagesPerWeek: num,
      occupancyIncluded: bool,
      icrPerHour: numOrNull,
      emergencyShare: numOrNull,
      typology,
      leads: ref('Leads'),
    },
    required: [
      'equipmentId',
      'finess',
      'modality',
      'exams',
      'occupancyIncluded',
      'typology',
      'leads',
    ],
    additionalProperties: true,
  },
  MachineComparison: obj({
    point: ref('MachinePoint'),
    peerFilter: ref('PeerFilter'),
    peerCount: int,
    figures: arr(ref('FigureComparison')),
    leads: ref('Leads'),
    indicators: ref('MachineIndicators'),
  }),
  EstablishmentView: obj({
    campaign: ref('CampaignRef'),
    establishment: ref('EstablishmentListing'),
    scope: strEnum(PEER_SCOPES),
    machines: arr(ref('MachineComparison')),
  }),
  WeekRef: obj({ index: int, start: { type: 'string', format: 'date' } }),
  MachineView: obj({
    campaign: ref('CampaignRef'),
    establishment: ref('EstablishmentListing'),
    machine: ref('MachineComparison'),
    weeks: arr(ref('WeekRef')),
  }),
  TimelineView: obj({
    equipmentId: str,
    week: ref('WeekRef'),
    weeks: int,
    days: arr(
      obj({
        date: { type: 'string', format: 'date' },
        weekday: { type: 'integer', minimum: 1, maximum: 7 },
        sessions: arr(obj({ startMinute: num, endMinute: num, type: strEnum(SESSION_TYPES) })),
        exams: arr(
          obj({ startMinute: num, endMinute: num, category: strEnum(CATEGORIES), short: bool }),
        ),
      }),
    ),
  }),
  HeatmapView: obj({
    equipmentId: str,
    cells: {
      ...arr(arr(num)),
      description: 'cells[weekday - 1][hour]: mean exams started, Monday first.',
    },
    daysPerWeekday: arr(int),
    max: num,
  }),
  IssueText: obj(
    {
      key: str,
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      about: ref('IssueText'),
    },
    ['about'],
    "The issue's words as a key of plateau's issue catalogs (French and English) and its parameters, and the record it is about (said before the message); message and hint are the English text of the same keys.",
  ),
  Issue: obj(
    {
      severity: strEnum(SEVERITIES),
      code: str,
      file: str,
      line: { type: ['integer', 'null'] },
      column: strOrNull,
      message: str,
      hint: strOrNull,
      text: ref('IssueText'),
    },
    ['text'],
  ),
  StoredIssue: obj(
    {
      severity: strEnum(SEVERITIES),
      code: str,
      file: str,
      line: { type: ['integer', 'null'] },
      column: strOrNull,
      message: str,
      hint: strOrNull,
      text: ref('IssueText'),
      source: str,
    },
    ['text'],
  ),
  CampaignQuality: obj({
    shortExams: int,
    overlappingExams: int,
    excludedFromOccupancy: arr(str),
    exclusions: arr(obj({ equipmentId: str, reason: str })),
    unknownActs: arr(str),
    unvaluedExams: int,
    examsOutsideSessions: int,
  }),
  MachineQualityRow: obj({
    equipmentId: str,
    finess: str,
    establishment: str,
    modality,
    exams: int,
    shortExams: int,
    unvaluedExams: int,
    examsOutsideSessions: int,
    overlappingExams: int,
    unknownActs: arr(str),
    occupancyIncluded: bool,
    exclusionReason: strOrNull,
    exclusionCode: { enum: ['no-programmed-sessions', 'below-15-percent', null] },
    shareAbove15: { type: ['number', 'null'] },
  }),
  QualityView: obj({
    campaign: ref('CampaignRef'),
    quality: ref('CampaignQuality'),
    machines: arr(ref('MachineQualityRow')),
    issues: arr(ref('StoredIssue')),
    issueCounts: obj({ error: int, warning: int, info: int }),
  }),
  UploadStatus: obj({
    id: str,
    state: strEnum(UPLOAD_STATES),
    progress: obj(
      {
        stage: {
          ...strEnum(UPLOAD_STAGES),
          description: 'The step under way, a code (core/views/upload-stages.ts); clients word it.',
        },
        table: {
          ...strEnum(UPLOAD_TABLES),
          description: 'The table written, in the writing stage only.',
        },
        fraction: { type: ['number', 'null'], minimum: 0, maximum: 1 },
      },
      ['table'],
    ),
    files: arr(str),
    issues: arr(ref('Issue')),
    campaignId: strOrNull,
    summary: nullable(
      obj({
        exams: int,
        machines: int,
        establishments: int,
        campaign: strEnum(['inserted', 'updated', 'unchanged', 'replaced']),
        changes: obj(
          Object.fromEntries(
            ['establishments', 'equipment', 'acts', 'survey', 'sessions', 'exams'].map((t) => [
              t,
              obj({ inserted: int, updated: int, removed: int, unchanged: int }),
            ]),
          ),
          [],
          'Per table: rows added, changed, removed (no longer in the kit: the stored campaign is exactly the kit) and unchanged.',
        ),
      }),
    ),
    error: nullable(obj({ code: str, message: str })),
  }),
  RegisterUploadResult: obj(
    {
      campaignId: str,
      file: {
        type: 'string',
        description:
          'The file name the issues are located in (name=, else equipment-register.csv or finess.csv).',
      },
      kind: {
        ...strEnum(['register', 'finess']),
        description:
          'What the body was read as: an equipment-register.csv (by its header) or a FINESS extraction (by its first line).',
      },
      changes: obj(
        { added: int, removed: int, unchanged: int },
        [],
        'Register rows new to the store, gone, and found again (compared as values: reordering changes no row).',
      ),
      changed: {
        type: 'boolean',
        description: 'True when the stored register changed (rows or their order).',
      },
      issues: {
        ...arr(ref('Issue')),
        description: 'Warnings and notes of the reading (a file with an error is answered 422).',
      },
    },
    [],
    "The campaign's register, replaced whole by the file's rows.",
  ),
  RegisterRefusal: obj(
    {
      error: obj({ code: { type: 'string', const: 'invalid-register' }, message: str }),
      issues: arr(ref('Issue')),
    },
    [],
    'The register was refused, nothing stored: every located issue (file:line:column).',
  ),
  FhirReadSummary: {
    ...obj(
      {
        resourceType: { type: 'string', const: 'OperationOutcome' },
        issue: arr(
          obj(
            {
              severity: strEnum(['error', 'warning', 'information']),
              code: str,
              details: { type: 'object' },
              diagnostics: str,
              location: arr(str),
              expression: arr(str),
            },
            ['details', 'location', 'expression'],
          ),
        ),
        plateau: obj({
          imported: {
            type: 'boolean',
            description: 'Always false: reading a Bundle never imports it into the store.',
          },
          stored: {
            type: ['string', 'null'],
            description:
              'The inbox file the de-identified Bundle was kept in (server started with --fhir-inbox, Bundle without errors that gives an exam or a session), else null.',
          },
          notKept: {
            type: ['string', 'null'],
            description:
              'Why a Bundle read without errors was not kept in the inbox (it gives no exam and no session: a Bundle of patients only), else null.',
          },
          records: obj({ exams: int, sessions: int, equipment: int }),
          removed: {
            type: 'object',
            description: 'Identifying fields dropped, by FHIR element, with counts.',
            additionalProperties: int,
          },
          issues: arr(ref('Issue')),
        }),
      },
      [],
      "A FHIR OperationOutcome: a first informational issue with the counts, then one issue per located problem; plateau's own summary beside it.",
    ),
  },
  ReferenceFigure: obj(
    {
      measure: strEnum(REFERENCE_MEASURES),
      modality,
      sector: { enum: [...REGISTER_SECTORS, null] },
      area: {
        type: 'string',
        description: 'ISO 3166 alpha-3 country code (FRA), or OECD for the OECD average.',
      },
      year: int,
      value: num,
      source: str,
      note: strOrNull,
      origin: strEnum(['shipped', 'loaded']),
    },
    [],
    'A published figure with its year and source: shipped with plateau, or loaded from an OECD export (plateau references --load).',
  ),
  UnitCounts: obj(
    { total: int, hospital: int, privatePractice: int, unknownSector: int },
    [],
    "Units in service on the campaign's first day, by sector (declared).",
  ),
  Density: obj(
    { total: numOrNull, hospital: numOrNull, privatePractice: numOrNull },
    [],
    'Units per million inhabitants; null for an empty population.',
  ),
  ExamsPerThousand: obj(
    {
      value: numOrNull,
      annualExams: num,
      measuredExams: num,
      imputedExams: num,
      imputedMachines: int,
    },
    [],
    "Exams a year per 1,000 inhabitants, by place of the machine: campaign exams × 365 / days, and for register machines absent from the campaign the modality's median passages per week × 365 / 7 (imputed).",
  ),
  Gap: obj(
    {
      reference: strEnum(['national', 'oecd', 'target']),
      modality,
      year: { type: ['integer', 'null'] },
      unitsPerMillion: num,
      machines: int,
      provenance: strEnum(PROVENANCES),
    },
    [],
    'Units missing to reach a reference density: max(0, ⌈density × population / 10⁶ − units⌉).',
  ),
  FleetAge: obj({
    known: int,
    unknown: int,
    meanYears: numOrNull,
    atLeast7: int,
    atLeast10: int,
    shareAtLeast7: numOrNull,
    shareAtLeast10: numOrNull,
    toRenew: int,
  }),
  Completeness: obj({
    sites: int,
    complete: int,
    ctOnly: int,
    mriOnly: int,
    shareComplete: numOrNull,
    shareCtOnly: numOrNull,
    shareMriOnly: numOrNull,
    machinesPerSite: numOrNull,
    regroupedShare: numOrNull,
  }),
  NightCoverage: obj(
    {
      campaignMachines: partialRecord(MODALITIES, int),
      significantOnCall: partialRecord(MODALITIES, int),
      significantOnCallPerMillion: partialRecord(MODALITIES, numOrNull),
      nightMriMachines: int,
      nightMriPerMillion: numOrNull,
      nightMriAccess: bool,
      departmentsWithoutNightMri: arr(str),
    },
    [],
    "Measured on the campaign's machines of the territory: significant on-call, and MRI with on-call or emergency sessions between 20:00 and 08:00.",
  ),
  Waiting: obj({ realised: ref('Quantiles'), survey: ref('Quantiles') }),
  TerritoryFigures: obj({
    level: strEnum(TERRITORY_LEVELS),
    code: { type: 'string', description: 'FR for the nation, else the INSEE code.' },
    name: str,
    region: {
      type: ['string', 'null'],
      description: "A département's region (INSEE code); null otherwise.",
    },
    population: int,
    units: partialRecord(MODALITIES, ref('UnitCounts')),
    unitsPerMillion: partialRecord(MODALITIES, ref('Density')),
    examsPer1000: partialRecord(MODALITIES, ref('ExamsPerThousand')),
    imputedShare: partialRecord(MODALITIES, numOrNull),
    gapTo: arr(ref('Gap')),
    fleetAge: partialRecord(MODALITIES, ref('FleetAge')),
    completeness: ref('Completeness'),
    nightCoverage: ref('NightCoverage'),
    waiting: partialRecord(MODALITIES, ref('Waiting')),
  }),
  TerritoryDocument: obj(
    {
      campaign: obj({
        id: str,
        name: str,
        start: { type: 'string', format: 'date' },
        days: int,
        year: int,
      }),
      population: obj({ year: int, inForce: int, source: str, total: int }),
      register: obj({
        source: strEnum(['register', 'campaign-only']),
        rows: int,
        inService: int,
        notYetInService: int,
        addedFromCampaign: int,
        serviceDateFromAuthorisation: int,
        serviceDateUnknown: int,
        unknownDepartments: arr(str),
      }),
      modalities: arr(modality),
      provenance: {
        type: 'object',
        description: 'What each figure rests on, by field name of TerritoryFigures.',
        additionalProperties: obj({ kinds: arr(strEnum(PROVENANCES)), detail: str }),
      },
      references: arr(ref('ReferenceFigure')),
      national: ref('TerritoryFigures'),
      regions: arr(ref('TerritoryFigures')),
      departments: arr(ref('TerritoryFigures')),
      unplaced: obj({ sites: arr(str), machines: int }),
      caveats: arr(
        obj({
          code: strEnum(TERRITORY_CAVEATS),
          params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        }),
      ),
    },
    [],
    "The territorial figures of a campaign (planning.md §2), for the nation, its regions and its départements: by place of the machine, not of the patient's residence.",
  ),
  SimulationFigures: {
    type: 'object',
    description:
      'One value per simulation figure (keyed as in plateau indicators --json where they exist there), null when it cannot be computed.',
    properties: Object.fromEntries(FIGURE_KEYS.map((k) => [k, numOrNull])),
    required: [...FIGURE_KEYS],
  },
  SimulationModel: obj(
    {
      version: { type: 'integer', const: 1 },
      campaign: obj({
        id: str,
        name: str,
        start: { type: 'string', format: 'date' },
        days: int,
        timeZone: str,
      }),
      machines: arr(obj({ equipmentId: str, finess: str, modality, label: strOrNull })),
      gridWeeks: {
        ...int,
        description: 'Whole weeks of the campaign: the grid repeats with this period.',
      },
      sessions: arr(
        obj(
          {
            machine: int,
            start: num,
            end: num,
            type: strEnum(SESSION_TYPES),
            interventional: {
              type: 'boolean',
              description:
                'true when a scenario gave it to interventional radiology (absent otherwise).',
            },
          },
          ['interventional'],
          'A session of the grid: machine index, UTC epoch ms [start, end), its type.',
        ),
      ),
      scheduled: {
        type: 'object',
        description:
          'Scheduled demand (A, H, R booked into programmed sessions): requestsPerHourOfWeek (168 values, Monday 00:00 local first), requestTimes, pool (bootstrap exams), leadMinutes and slotMinutes by category.',
      },
      unscheduled: {
        type: 'object',
        description: 'Unscheduled demand: arrivalsPerHourOfWeek (168 values) and pool.',
      },
      lateStartMinutes: arr(num),
      predictedSlotMinutes: {
        type: 'object',
        description:
          'Recommended slot length (minutes) per act family, * for any exam, from the duration model.',
        additionalProperties: num,
      },
      policy: {
        type: 'object',
        description:
          'The status quo policy: demandFactor, reservedShare, lateStarts, booking, noShow, noShowSource.',
      },
      observed: ref('SimulationFigures'),
      notes: arr(
        obj(
          {
            code: str,
            params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
          },
          ['params'],
        ),
      ),
    },
    [],
    "A machine (or a site's machines of one modality, pooled) calibrated on its own campaign (planning.md §3): everything the engine needs, plain JSON (src/plan/simulation/types.ts SimulationModel).",
  ),
  DurationModelReport: obj(
    {
      method: str,
      heldOut: obj({
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        exams: int,
        modelMaeMinutes: numOrNull,
        bookedMaeMinutes: numOrNull,
        bookedExams: int,
        modelMaeOnBookedMinutes: numOrNull,
        p80Coverage: numOrNull,
        better: { type: ['string', 'null'], enum: ['model', 'booked', null] },
      }),
      slots: arr(obj({ equipmentId: str, family: str, minutes: num, exams: int, level: str })),
    },
    [],
    "Exam durations predicted from the machines' own data, judged on the campaign's last week held out (mean absolute error against the booked lengths, P80 coverage), and the slot length recommended per machine and act family.",
  ),
  NextAvailable: obj({
    equipmentId: str,
    medianDays: {
      ...numOrNull,
      description:
        'Median over the campaign days (at 08:00) of the delay to the third free slot long enough; null without slot data.',
    },
    days: int,
    slotMinutes: {
      ...numOrNull,
      description: "The slot length looked for: the machine's median exam (minutes).",
    },
  }),
  SimulationModelAnswer: obj({
    model: ref('SimulationModel'),
    durations: ref('DurationModelReport'),
    nextAvailable: arr(ref('NextAvailable')),
  }),
  FailingFigure: obj({
    figure: strEnum(FIGURE_KEYS),
    observed: num,
    simulated: num,
    tolerance: num,
  }),
  SimulationCheck: obj({
    equipmentId: str,
    reproduces: bool,
    failing: arr(ref('FailingFigure')),
    statusQuo: obj({
      observed: ref('SimulationFigures'),
      simulated: {
        type: 'object',
        description:
          'Per figure, the mean and 95 % interval over the replications: { mean, ci95: [low, high] } (null when unknown).',
      },
      reproduces: bool,
      failing: arr(ref('FailingFigure')),
    }),
    replications: int,
    seed: num,
    computedAt: { type: 'string', format: 'date-time' },
  }),
  SimulationChecksView: obj(
    {
      campaign: obj({ id: str, name: str }),
      campaignMachines: int,
      summary: nullable(
        obj({
          machines: int,
          reproduce: int,
          share: numOrNull,
          failing: arr(
            obj({
              equipmentId: str,
              label: strOrNull,
              finess: strOrNull,
              establishment: strOrNull,
              modality: nullable(modality),
              failing: arr(ref('FailingFigure')),
            }),
          ),
          computedAt: { type: 'string', format: 'date-time' },
          replications: int,
          seed: num,
        }),
      ),
      checks: arr(ref('SimulationCheck')),
    },
    [],
    'The status-quo check of each machine (planning.md §3 rule) as plateau simulate --all stored it: summary null and checks empty until it ran, and again after an import that changes the campaign.',
  ),
  UploadForm: obj({
    files: {
      type: 'array',
      description:
        "The kit's files, each named by its path inside the kit (e.g. kit/exams.csv), or a single .zip of them, or a single .xlsx workbook holding the kit (a sheet per file, as `plateau template --xlsx` writes it).",
      items: { type: 'string', contentMediaType: 'application/octet-stream' },
    },
  }),
  ...PLANNING_SCHEMAS,
};

const error = (description: string): Response => ({ description, content: json(ref('ApiError')) });
const responses: Record<string, Response> = {
  BadRequest: error(
    'A parameter is not allowed or has a value outside those listed in the message.',
  ),
  NotFound: error('No such campaign, establishment, machine, upload or route.'),
  MethodNotAllowed: {
    description: 'The path exists, not for this method.',
    headers: { Allow: { description: 'The methods the path takes.', schema: str } },
    content: json(ref('ApiError')),
  },
  PayloadTooLarge: error(
    'The body, or the unzipped kit, is over the limit (a body of unknown length is cut as soon as it passes it).',
  ),
  CrossOrigin: error(
    "cross-origin: a state-changing request whose Origin is not one of the server's own, or whose Sec-Fetch-Site is cross-site (a page of another site). Requests without Origin nor Sec-Fetch-* (curl, scripts) pass.",
  ),
  HostNotAllowed: error(
    "host-not-allowed: the request is addressed (Host) to a name other than 127.0.0.1, localhost or [::1] with the server's port, or a name given with plateau serve --public-host (DNS rebinding).",
  ),
  ServerError: error('Something failed on the server (logged); the message says no more.'),
  LoginRequired: error(
    'login-required: no live session (accounts mode: every /api route but health and openapi.json needs one).',
  ),
  Forbidden: error(
    "forbidden: the session's scope (a site or region user) may not see this, or only an administrator may.",
  ),
};
/** A machine or site that came as a signed bundle asked for what needs its exams (issue 16). */
const AGGREGATES_ONLY: Response = error(
  "aggregates-only: the machine's site sent aggregates only (a signed bundle): it has no sessions or exams to show or simulate.",
);

/** The answers of a route that needs no session (health, this document). */
const okPublic = (description: string, schema: Schema): Record<string, ResponseOrRef> => ({
  '200': { description, content: json(schema) },
  '400': use('BadRequest'),
  '404': use('NotFound'),
  '405': use('MethodNotAllowed'),
  '421': use('HostNotAllowed'),
  '500': use('ServerError'),
});

const campaignId = path('id', 'The campaign id (campaign.json `id`).');
const finess = path('finess', 'The FINESS of an establishment of the campaign.');
const equipmentId = path('equipmentId', 'The equipment id of a machine of the campaign.');
const departmentParam = query(
  'department',
  "Only sites in this département: an INSEE code (01…95, 2A, 2B, 971…976; 1 and 2a read as 01 and 2A), from the establishments' department column. Any of the 101 codes is accepted, one without sites selects nothing.",
  str,
);
const inseeRegionParam = query(
  'inseeRegion',
  "Only sites in this current region: an INSEE code (01…06, 11…94), that of the site's département, else the one its region column names (a code or a name, current or pre-2016).",
  strEnum(POPULATION.regions.map((r) => r.code)),
);
const filterParams: Parameter[] = [
  query('modality', 'Only this modality.', modality),
  query('region', "Only this region (one of the campaign's options.regions).", str),
  query('legalStatus', 'Only establishments of this legal status.', strEnum(LEGAL_STATUSES)),
  query('typology', 'Only machines of this typology.', typology),
  departmentParam,
  inseeRegionParam,
];
const territoryParams: Parameter[] = [
  query('modality', 'Only this modality is computed.', modality),
  query(
    'region',
    'List only this region and its départements (an INSEE code such as 32, or a name, current or pre-2016); the nation is always given.',
    str,
  ),
  query(
    'legalStatus',
    "Measured figures from the campaign machines of establishments of this legal status only (the register's units are not filtered).",
    strEnum(LEGAL_STATUSES),
  ),
  query('typology', 'Measured figures from the campaign machines of this typology only.', typology),
  {
    ...departmentParam,
    description:
      'Measured figures from the campaign machines of sites in this département only (INSEE code).',
  },
  {
    ...inseeRegionParam,
    description:
      'Measured figures from the campaign machines of sites in this current region only (INSEE code).',
  },
  query(
    'gapTo',
    'The reference densities of the gap in units: national, oecd (the latest OECD average), oecd:YEAR (a year GET /api/references has an OECD average of), or a target per modality (CT=20, MR=15.5); several joined by commas. Default national,oecd.',
    str,
  ),
];
const peers = query(
  'peers',
  "Compare each machine with its modality's machines, narrowed to its own region, legal status or typology.",
  {
    ...strEnum(PEER_SCOPES),
    default: 'modality',
  },
);

const reportLang = query('lang', "The report's language: fr (default) or en.", {
  ...strEnum(['fr', 'en']),
  default: 'fr',
});
/** A PDF answer: printed once per campaign import and language, then served from memory. */
const pdf = (description: string): Record<string, ResponseOrRef> => ({
  '200': {
    description: `${description} Printed one at a time by Chromium (a few seconds), then kept for the next requests.`,
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="plateau-<campaign>-<report>-<lang>.pdf"',
        schema: str,
      },
    },
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  },
  '400': use('BadRequest'),
  '401': use('LoginRequired'),
  '403': use('Forbidden'),
  '404': use('NotFound'),
  '405': use('MethodNotAllowed'),
  '421': use('HostNotAllowed'),
  '500': use('ServerError'),
});

/** The API's OpenAPI 3.1 document (served at `GET /api/openapi.json`). */
export const OPENAPI: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'plateau API',
    version: plateauVersion(),
    description:
      "Benchmarks of CT and MRI imaging platforms (ANAP indicators): stored campaigns, peer benchmarks, site and machine views, data quality, and kit uploads. All answers are JSON; errors are { error: { code, message } }. Requests must be addressed to 127.0.0.1, localhost or [::1] with the server's port, or to a name given with plateau serve --public-host (else 421); state-changing requests from pages of other origins are refused (403); paths with control characters, bad percent-encoding or segments over 256 characters get 400 bad-path.",
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'meta', description: 'The API itself.' },
    {
      name: 'bundles',
      description:
        "Signed bundles of a site's figures (issue 16): import, and the administrators' registry of the sites' keys.",
    },
    {
      name: 'accounts',
      description:
        "Accounts mode (a PostgreSQL server): login, logout, and the administrators' accounts and audit log. Every other /api route but health and openapi.json then needs a session.",
    },
    { name: 'campaigns', description: 'Stored campaigns and their views.' },
    { name: 'machines', description: 'One machine: comparison, timeline, heatmap.' },
    {
      name: 'trends',
      description:
        'The nation, a region, a site or a machine followed over the stored campaigns (issue 16).',
    },
    {
      name: 'uploads',
      description: "Importing a data kit, or a campaign's equipment register alone.",
    },
    {
      name: 'reports',
      description: 'Printed reports (PDF): site fiche, regional and national syntheses.',
    },
    {
      name: 'sources',
      description: 'Reading hospital-system data (FHIR R4) without importing it.',
    },
    {
      name: 'territories',
      description:
        'Equipment, activity and coverage per region and département, beside France and the published figures (OECD).',
    },
    {
      name: 'simulation',
      description:
        'Capacity scenarios: a machine calibrated on its own campaign, and the status-quo check of every machine.',
    },
    {
      name: 'planning',
      description:
        'Planning views of a campaign: costs per machine and site, relevance (neuro CT share, repeats), on-call and teleradiology pooling.',
    },
  ],
  paths: {
    '/api/health': {
      get: {
        operationId: 'health',
        summary: 'The server answers and its store is reachable.',
        tags: ['meta'],
        responses: okPublic('Healthy.', ref('Health')),
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document.',
        tags: ['meta'],
        responses: okPublic('The OpenAPI 3.1 document.', { type: 'object' }),
      },
    },
    ...ACCOUNT_PATHS,
    ...TREND_PATHS,
    ...BUNDLE_PATHS,
    '/api/campaigns': {
      get: {
        operationId: 'listCampaigns',
        summary: 'Every stored campaign, by id.',
        tags: ['campaigns'],
        responses: ok('The campaigns.', arr(ref('CampaignSummary'))),
      },
    },
    '/api/campaigns/{id}': {
      get: {
        operationId: 'getCampaign',
        summary: 'A campaign and the values of its filters.',
        tags: ['campaigns'],
        parameters: [campaignId],
        responses: ok('The campaign.', ref('CampaignDetail')),
      },
    },
    '/api/campaigns/{id}/benchmark': {
      get: {
        operationId: 'getBenchmark',
        summary:
          'P20/P50/P80 per modality of the peer group the filters select, its machines and survey.',
        tags: ['campaigns'],
        parameters: [campaignId, ...filterParams],
        responses: ok('The benchmark view.', ref('BenchmarkView')),
      },
    },
    '/api/campaigns/{id}/regions': {
      get: {
        operationId: 'listRegions',
        summary: 'One row per region: establishments, machines, exams.',
        tags: ['campaigns'],
        parameters: [campaignId],
        responses: ok('The regions, by name.', arr(ref('RegionListing'))),
      },
    },
    '/api/campaigns/{id}/establishments': {
      get: {
        operationId: 'listEstablishments',
        summary: 'The establishments, filtered and searched.',
        tags: ['campaigns'],
        parameters: [
          campaignId,
          filterParams[1] as Parameter,
          filterParams[2] as Parameter,
          query(
            'q',
            'Search in names and FINESS, ignoring case and accents (at most 200 characters).',
            str,
          ),
        ],
        responses: ok('The establishments, by name.', arr(ref('EstablishmentListing'))),
      },
    },
    '/api/campaigns/{id}/establishments/{finess}': {
      get: {
        operationId: 'getEstablishment',
        summary: "An establishment's machines, each compared with its peers.",
        tags: ['campaigns'],
        parameters: [campaignId, finess, peers],
        responses: ok('The establishment view.', ref('EstablishmentView')),
      },
    },
    '/api/campaigns/{id}/machines': {
      get: {
        operationId: 'listMachines',
        summary: 'The machines the filters select, as points.',
        tags: ['machines'],
        parameters: [campaignId, ...filterParams],
        responses: ok('The machine points.', arr(ref('MachinePoint'))),
      },
    },
    '/api/campaigns/{id}/machines/{equipmentId}': {
      get: {
        operationId: 'getMachine',
        summary: 'A machine compared with its peers, and the weeks a timeline can show.',
        tags: ['machines'],
        parameters: [campaignId, equipmentId, peers],
        responses: ok('The machine view.', ref('MachineView')),
      },
    },
    '/api/campaigns/{id}/machines/{equipmentId}/timeline': {
      get: {
        operationId: 'getTimeline',
        summary: "A week of the machine's sessions and exams, day by day in local time.",
        tags: ['machines'],
        parameters: [
          campaignId,
          equipmentId,
          query('week', 'The week: 0 for the first 7 days, up to ceil(days / 7) - 1. Default 0.', {
            type: 'integer',
            minimum: 0,
          }),
        ],
        responses: { ...ok('The timeline.', ref('TimelineView')), '409': AGGREGATES_ONLY },
      },
    },
    '/api/campaigns/{id}/machines/{equipmentId}/heatmap': {
      get: {
        operationId: 'getHeatmap',
        summary: 'Mean exams started per local weekday and hour.',
        tags: ['machines'],
        parameters: [campaignId, equipmentId],
        responses: { ...ok('The heatmap.', ref('HeatmapView')), '409': AGGREGATES_ONLY },
      },
    },
    '/api/campaigns/{id}/quality': {
      get: {
        operationId: 'getQuality',
        summary: "The campaign's data quality: counts, one row per machine, stored issues.",
        tags: ['campaigns'],
        parameters: [campaignId],
        responses: ok('The quality view.', ref('QualityView')),
      },
    },
    '/api/campaigns/{id}/territories': {
      get: {
        operationId: 'getTerritories',
        summary:
          'Units per million, exams per 1,000, gaps to reference densities, fleet age, platforms and night coverage for the nation, its regions and its départements.',
        description:
          "By place of the machine, not of the patient's residence. Units come from the campaign's equipment register (in service on the first day), else from its machines alone (densities are then a floor, caveat campaign-only); exams of register machines absent from the campaign are imputed; night coverage, on-call and waits are measured on the campaign's machines only. Compared with the shipped published figures and those loaded into the store.",
        tags: ['territories'],
        parameters: [campaignId, ...territoryParams],
        responses: ok('The territory document.', ref('TerritoryDocument')),
      },
    },
    '/api/campaigns/{id}/costs': {
      get: {
        operationId: 'getCosts',
        summary:
          'Yearly cost, cost per opening hour, per exam and per ICR point, and forfait technique tier, per machine and site.',
        description:
          "From the costs.csv imported with the campaign's kit (origin input, or illustrative for a demo set: say so wherever a figure shows) and the campaign's measured activity (exams annualised over its days, programmed opening hours × 52). costs is null when the campaign has no costs. Memoized until the campaign is imported again.",
        tags: ['planning'],
        parameters: [
          campaignId,
          query(
            'finess',
            'Only the machines and the site totals of this establishment (404 when the campaign has not it).',
            str,
          ),
        ],
        responses: ok('The costs document, or null.', ref('CostsAnswer')),
      },
    },
    '/api/campaigns/{id}/relevance': {
      get: {
        operationId: 'getRelevance',
        summary:
          "Each site's neuro CT share (head CT ÷ head CT + head MRI; all, scheduled, emergency) against its peers, repeats (with patient keys) and data-quality shares.",
        description:
          "A site above its peers' P80 is flagged: to review against the Guide du bon usage, never a verdict. Territories grouped at the level asked.",
        tags: ['planning'],
        parameters: [
          campaignId,
          query(
            'level',
            'How sites are grouped into territories: site (none), department (default) or region.',
            { ...strEnum(['site', 'department', 'region']), default: 'department' },
          ),
        ],
        responses: ok('The relevance document.', ref('RelevanceDocument')),
      },
    },
    '/api/campaigns/{id}/oncall': {
      get: {
        operationId: 'getOncall',
        summary:
          "A territory's permanence-of-care (PDS) demand and four on-call organisations: each site alone, one hub, hub at night and sites at weekends, the reverse.",
        description:
          'Exactly one of department, region and sites (400 otherwise; 404 when the territory has no site of the campaign or a FINESS is unknown). Each option: lines needed for the target share read within the target minutes, on-call hours per week, share read within target, mean response, exams per on-call hour, cost per week (with hourlyRate). Reading times default to illustrative CT 15 / MRI 20 minutes, read in fixed time (the notes say so). Sites that came as signed bundles have no exams: they are left out and named in bundleNote ({ code: bundleSitesLeftOut, sites, message }); 409 aggregates-only when the territory holds nothing else. Relevance does the same.',
        tags: ['planning'],
        parameters: [
          campaignId,
          query(
            'department',
            "The campaign's sites in this département (INSEE code such as 59; 2a reads as 2A).",
            str,
          ),
          query(
            'region',
            "The campaign's sites in this region (INSEE code such as 32, or a name, current or pre-2016).",
            str,
          ),
          query('sites', 'These sites: FINESS joined by commas (at most 500).', str),
          query(
            'readingCT',
            'Mean reading minutes per CT exam, > 0 (default 15, illustrative).',
            num,
          ),
          query(
            'readingMR',
            'Mean reading minutes per MRI exam, > 0 (default 20, illustrative).',
            num,
          ),
          query(
            'reading',
            'Reading-time distribution: fixed (default: every read takes the mean) or exponential (Erlang C).',
            { ...strEnum(['fixed', 'exponential']), default: 'fixed' },
          ),
          query('targetMinutes', 'Target response time in minutes, > 0 (default 30).', num),
          query(
            'targetShare',
            'Share of exams to read within the target, between 0 and 1 excluded (default 0.9).',
            num,
          ),
          query('hourlyRate', 'Euros per radiologist on-call hour, ≥ 0 (no cost without it).', num),
          query(
            'holidays',
            'Public holidays YYYY-MM-DD joined by commas, counted as weekend days (plateau has no holiday table).',
            str,
          ),
        ],
        responses: {
          ...ok('The on-call pooling document.', ref('OncallDocument')),
          '409': AGGREGATES_ONLY,
        },
      },
    },
    '/api/campaigns/{id}/simulation/model': {
      get: {
        operationId: 'getSimulationModel',
        summary:
          "A machine's simulation model calibrated on its campaign, with its predicted exam durations and third next available appointment.",
        description:
          "One machine, or up to 8 machines of one site and one modality pooled (they share one queue). The model is what the engine runs (in the browser's Web Worker for the Scenarios tab; plateau simulate runs the same); memoized until the campaign is imported again. Scenario changes: " +
          SCENARIO_CHANGE_TYPES.join(', ') +
          ' (docs/scenarios.md).',
        tags: ['simulation'],
        parameters: [
          campaignId,
          {
            name: 'machines',
            in: 'query',
            required: true,
            description:
              'Equipment ids joined by commas: one machine, or up to 8 of one site and one modality (400 otherwise; 404 for an id the campaign has not).',
            schema: str,
          },
        ],
        responses: {
          ...ok(
            'The model, the duration model and the next available appointment of each machine.',
            ref('SimulationModelAnswer'),
          ),
          '409': AGGREGATES_ONLY,
        },
      },
    },
    '/api/campaigns/{id}/simulation/checks': {
      get: {
        operationId: 'getSimulationChecks',
        summary:
          'The status-quo check of every machine (does the simulation reproduce its campaign?) and how many reproduce.',
        description:
          "Computed by plateau simulate --all and stored; read each time. An empty state (summary null) until then, and after an import that changes the campaign's records.",
        tags: ['simulation'],
        parameters: [campaignId],
        responses: ok('The checks and their summary.', ref('SimulationChecksView')),
      },
    },
    '/api/campaigns/{id}/reports/site/{finess}.pdf': {
      get: {
        operationId: 'getSiteReport',
        summary:
          "An establishment's site fiche as PDF: each machine among its peers, its improvement leads ranked.",
        tags: ['reports'],
        parameters: [campaignId, finess, reportLang, peers],
        responses: pdf('The site fiche (A4).'),
      },
    },
    '/api/campaigns/{id}/reports/region/{region}.pdf': {
      get: {
        operationId: 'getRegionReport',
        summary: "A region's synthesis as PDF, its figures beside the national ones.",
        tags: ['reports'],
        parameters: [
          campaignId,
          path('region', 'A region of the campaign (one of options.regions), URL-encoded.'),
          reportLang,
        ],
        responses: pdf("The region's synthesis (A4)."),
      },
    },
    '/api/campaigns/{id}/reports/national.pdf': {
      get: {
        operationId: 'getNationalReport',
        summary: 'The national synthesis as PDF, laid out like the 2010 ANAP report.',
        tags: ['reports'],
        parameters: [campaignId, reportLang],
        responses: pdf('The national synthesis (A4).'),
      },
    },
    '/api/references': {
      get: {
        operationId: 'listReferences',
        summary:
          'The published figures (OECD and French densities, exams per 1,000, volumes, waits) with their year and source: those shipped, and those loaded from OECD exports in their place.',
        tags: ['territories'],
        responses: ok(
          'The figures, by measure, modality, area and year.',
          arr(ref('ReferenceFigure')),
        ),
      },
    },
    '/api/campaigns/{id}/register': {
      post: {
        operationId: 'importRegister',
        summary:
          "Replaces a stored campaign's equipment register (its whole fleet) with one file, checked against its machines.",
        description:
          "One file per request, its bytes as the body: an equipment-register.csv (known by its header; equipment_id must name a machine of the campaign of that modality, once), or a FINESS extraction whose establishments and equipment sections are concatenated (known by its first line). Read and stored at once in one transaction; the campaign's records, results and issues are left as they are. With any error, 422 with every located issue and nothing stored. What plateau import REGISTER.csv --campaign ID sends while plateau serve holds the store.",
        tags: ['uploads'],
        parameters: [
          campaignId,
          query(
            'name',
            'The file name the issues are located in (no folder). Default equipment-register.csv, or finess.csv for a FINESS extraction.',
            str,
          ),
        ],
        requestBody: {
          required: true,
          description: 'The file, as is (UTF-8 or Latin-1).',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        responses: {
          '200': {
            description: 'Stored: what changed, and the warnings.',
            content: json(ref('RegisterUploadResult')),
          },
          '400': use('BadRequest'),
          '401': use('LoginRequired'),
          '403': use('CrossOrigin'),
          '404': use('NotFound'),
          '405': use('MethodNotAllowed'),
          '413': use('PayloadTooLarge'),
          '415': error('The body is not text/csv.'),
          '421': use('HostNotAllowed'),
          '422': {
            description: 'The file has errors: every located issue; nothing was stored.',
            content: json(ref('RegisterRefusal')),
          },
          '500': use('ServerError'),
        },
      },
    },
    '/api/uploads': {
      post: {
        operationId: 'upload',
        summary: 'Uploads a data kit; it is checked, then imported when it has no error.',
        description:
          "Answers 202 at once with the job; poll GET /api/uploads/{id}. A kit with any error is rejected with every located issue and nothing is stored. Uploads are imported one at a time. The stored campaign of the kit's id then holds exactly the kit (rows it no longer holds are removed); a kit whose period (start, days, time zone) differs from the stored campaign's is rejected unless replace=1.",
        tags: ['uploads'],
        parameters: [
          {
            name: 'replace',
            in: 'query',
            required: false,
            description:
              "1: replace the stored campaign of the kit's id whole when its period differs from the kit's (else such a kit is rejected). 0 (default): refuse.",
            schema: strEnum(['0', '1']),
          },
        ],
        requestBody: {
          required: true,
          description: "The kit's files, one .zip, or one .xlsx workbook.",
          content: { 'multipart/form-data': { schema: ref('UploadForm') } },
        },
        responses: {
          '202': {
            description: 'Accepted: the job and where to poll it.',
            headers: { Location: { description: 'The job: /api/uploads/{id}.', schema: str } },
            content: json(ref('UploadStatus')),
          },
          '400': use('BadRequest'),
          '401': use('LoginRequired'),
          '403': use('CrossOrigin'),
          '405': use('MethodNotAllowed'),
          '413': use('PayloadTooLarge'),
          '421': use('HostNotAllowed'),
          '500': use('ServerError'),
        },
      },
    },
    '/api/kit-template.xlsx': {
      get: {
        operationId: 'getKitTemplate',
        summary:
          'The blank data-kit workbook: a sheet per kit file, column help and drop-down lists.',
        description:
          'Filled in, it is uploaded as is to POST /api/uploads (or imported with plateau import BOOK.xlsx). The same file as plateau template --xlsx.',
        tags: ['uploads'],
        parameters: [
          query(
            'lang',
            'The language of the column help and the README sheet: fr (default) or en.',
            { ...strEnum(['fr', 'en']), default: 'fr' },
          ),
        ],
        responses: {
          '200': {
            description: 'The workbook.',
            headers: {
              'Content-Disposition': {
                description: 'attachment; filename="plateau-kit-template-<lang>.xlsx"',
                schema: str,
              },
            },
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          '400': use('BadRequest'),
          '401': use('LoginRequired'),
          '405': use('MethodNotAllowed'),
          '500': use('ServerError'),
        },
      },
    },
    '/api/fhir': {
      post: {
        operationId: 'readFhirBundle',
        summary:
          'Reads a FHIR R4 Bundle with the site mapping and says what it holds; keeps it de-identified when the server has an inbox.',
        description:
          "Checks a Bundle (collection, transaction, batch or searchset) with the server's FHIR site mapping and secret: the exams, sessions and machines it would give and every located issue, as an OperationOutcome. It does not import into the store: importing stays an explicit action. When the server was started with --fhir-inbox, a Bundle without errors is also kept in that folder (201, plateau.stored), de-identified — patients reduced to a keyed-hash id and birth year-month, narratives, notes, display names and other resource types dropped — for plateau import to read with the campaign's other sources. Patient identity is never kept. Answers 503 fhir-not-configured when the server was started without a FHIR mapping.",
        tags: ['sources'],
        requestBody: {
          required: true,
          description: 'One FHIR R4 Bundle (at most 64 MiB unless the server sets another limit).',
          content: {
            'application/fhir+json': {
              schema: { type: 'object', description: 'A FHIR R4 Bundle.' },
            },
            'application/json': { schema: { type: 'object', description: 'A FHIR R4 Bundle.' } },
          },
        },
        responses: {
          '200': {
            description: 'What the Bundle gives, and its issues (not kept).',
            content: json(ref('FhirReadSummary')),
          },
          '201': {
            description:
              'What the Bundle gives, and its issues; kept de-identified in the inbox (plateau.stored).',
            content: json(ref('FhirReadSummary')),
          },
          '400': use('BadRequest'),
          '401': use('LoginRequired'),
          '403': use('CrossOrigin'),
          '405': use('MethodNotAllowed'),
          '413': use('PayloadTooLarge'),
          '415': error('The body is not application/fhir+json or application/json.'),
          '421': use('HostNotAllowed'),
          '500': use('ServerError'),
          '503': error('The server has no FHIR site mapping (code fhir-not-configured).'),
          '507': {
            description:
              'The inbox is full (its quota of bytes or Bundles, plateau serve --fhir-inbox-max-mib / --fhir-inbox-max-files): the Bundle was read, not kept.',
            content: {
              'application/fhir+json': {
                schema: {
                  type: 'object',
                  description:
                    'A FHIR OperationOutcome with one error issue saying what is full and what to do.',
                },
              },
            },
          },
        },
      },
    },
    '/api/uploads/{id}': {
      get: {
        operationId: 'getUpload',
        summary: 'Where an upload stands.',
        tags: ['uploads'],
        parameters: [path('id', 'The upload id (from POST /api/uploads).')],
        responses: ok('The upload status.', ref('UploadStatus')),
      },
    },
  },
  components: {
    schemas: { ...schemas, ...TREND_SCHEMAS, ...ACCOUNT_SCHEMAS, ...BUNDLE_SCHEMAS },
    responses,
  },
};
