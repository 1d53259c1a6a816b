/**
 * `plateau oncall`: on-call and teleradiology pooling (planning.md §4) for a département, a region
 * or chosen sites, from a kit's files or the store. The planning layer computes the PDS demand and
 * the four options (`pdsDemand`, `poolingOptions`); this reads the campaign, checks the options and
 * prints a table in the CLI's language or the JSON document (flat numbers, provenance beside).
 */
import type { Kit, Modality } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import {
  defaultReadingModel,
  ILLUSTRATIVE_READING_MINUTES,
  oncallDocument,
  sitesOfTerritory,
  weakest,
  type OncallDocument,
  type OncallNote,
  type OncallOptions,
  type OncallTerritory,
  type Provenance,
  type ReadingModel,
} from '../../plan/oncall/index.ts';
import {
  departmentByCode,
  normalizeDepartmentCode,
  POPULATION,
  regionByCode,
} from '../../plan/territories/population.ts';
import { territoryRegion } from '../../plan/territories/territory-query.ts';
import { loadKit } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { enumOption, positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import type { Column } from '../output.ts';
import { getCliLang, say, table, UsageError, UserError } from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau oncall (--department D | --region R | --sites F1,F2…) [KIT_DIR] [options]

On-call and teleradiology pooling (planning.md §4): the campaign's exams that end in
permanence-of-care (PDS) hours, read by radiologists on call, under four organisations: each
site alone, one hub reading for all, a hub at night and the sites at weekends, the sites at
night and a hub at weekends. For each: the lines needed so that the target share of exams is
read within the target time, on-call hours per week, exams per on-call hour, the share read
within target, the mean response (wait + reading) and the cost per week.

PDS hours are the nights of Monday to Friday (20:00–08:00 local time) and all of Saturday,
Sunday and the public holidays. plateau has no holiday table: pass the campaign's holidays
with --holidays, else they count as working days.

Each queue is taken at the mean arrival rate of its hours (evening peaks are not modelled).
By default every read takes its mean time (fixed reading, simulated with a seed: the same
figures on every run). With --reading exponential the queue is M/M/c (Erlang C); the response
includes the read itself, so with exponential reading of mean r at most 1 − e^(−target/r) is
read within target however many lines (86 % for 15 min in 30): a 90 % target in 30 min is then
out of reach, and the notes say so. Every figure says where it comes from: measured (the
campaign), input (your options) or illustrative (the default reading times CT 15 min and MRI
20 min, an order of magnitude only: give your own).

  KIT_DIR                 compute from a data kit's files; without it, the campaign saved in
                          the store by 'plateau import'
  --department D          the campaign's sites in this département (INSEE code, such as 59)
  --region R              the campaign's sites in this region (INSEE code such as 32, or a
                          name, current or pre-2016); the site's département decides
  --sites F1,F2…          these sites (FINESS), whatever their place
  --campaign ID           which stored campaign (default: the last imported)
  --reading-minutes M     mean reading minutes per exam, such as CT=15,MR=20 (a modality left
                          out keeps its illustrative default)
  --reading D             reading-time distribution: fixed (default: each read takes its mean
                          time) or exponential (Erlang C)
  --target-minutes T      target response time, minutes (default 30)
  --target-share S        share of exams to read within the target (default 0.9)
  --hourly-rate EUR       euros per radiologist on-call hour (no cost without it)
  --holidays D1,D2…       public holidays YYYY-MM-DD, counted as weekend days
  --json                  the document: territory, sites, demand, options[], model, notes
  --data DIR              the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL      a PostgreSQL server instead of the embedded store
  --lang fr|en            language of the table

Examples:
  plateau oncall --department 59 ./my-kit
  plateau oncall --region 32 --reading-minutes CT=12,MR=18 --hourly-rate 90 --json
  plateau oncall --sites 590000001,590000002 --holidays 2010-04-05,2010-05-01
  plateau oncall --department 59 --reading exponential --target-share 0.8`;

const DISTRIBUTIONS = ['exponential', 'fixed'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function usage(option: string, expected: string, value: string): UsageError {
  return new UsageError(say('cli.usage.oneOf', { option, values: expected, value }));
}

function numberOption(
  values: OptionValues,
  name: string,
  ok: (n: number) => boolean,
  expected: MessageKey,
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !ok(n))
    throw usage(`--${name}`, say(expected), raw);
  return n;
}

function readingMinutesOption(raw: string): Record<Modality, number> & { given: Set<Modality> } {
  const minutes = { ...ILLUSTRATIVE_READING_MINUTES };
  const given = new Set<Modality>();
  for (const part of raw.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([0-9.]+)\s*$/.exec(part);
    const modality = m?.[1]?.toUpperCase() as Modality | undefined;
    const n = Number(m?.[2]);
    if (
      !m ||
      modality === undefined ||
      !MODALITIES.includes(modality) ||
      given.has(modality) ||
      !Number.isFinite(n) ||
      n <= 0
    )
      throw usage('--reading-minutes', say('cli.oncall.usage.readingMinutes'), raw);
    minutes[modality] = n;
    given.add(modality);
  }
  return Object.assign(minutes, { given });
}

function holidaysOption(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const dates = raw.split(',').map((d) => d.trim());
  for (const d of dates) {
    const m = DATE.exec(d);
    const [y, mo, da] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const t = new Date(Date.UTC(y, mo - 1, da));
    if (
      m === null ||
      t.getUTCFullYear() !== y ||
      t.getUTCMonth() !== mo - 1 ||
      t.getUTCDate() !== da
    )
      throw usage('--holidays', say('cli.oncall.usage.holidays'), raw);
  }
  return [...new Set(dates)].sort();
}

function territoryOption(values: OptionValues): OncallTerritory {
  const department = stringOption(values, 'department');
  const region = stringOption(values, 'region');
  const sites = stringOption(values, 'sites');
  if ([department, region, sites].filter((v) => v !== undefined).length !== 1)
    throw new UsageError(say('cli.oncall.error.oneTerritory'));
  if (department !== undefined) {
    const code = normalizeDepartmentCode(department);
    if (code === null)
      throw usage('--department', POPULATION.departments.map((d) => d.code).join(', '), department);
    return { kind: 'department', code, name: departmentByCode(code)?.name ?? null, sites: null };
  }
  if (region !== undefined) {
    const code = territoryRegion(region);
    if (code === null)
      throw usage('--region', POPULATION.regions.map((r) => r.code).join(', '), region);
    return { kind: 'region', code, name: regionByCode(code)?.name ?? null, sites: null };
  }
  const list = [
    ...new Set(
      (sites ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (list.length === 0) throw usage('--sites', 'F1,F2…', sites ?? '');
  return { kind: 'sites', code: null, name: null, sites: list };
}

/** Every option of the command, checked; usage errors say what is accepted. */
export function oncallOptions(values: OptionValues): OncallOptions {
  const territory = territoryOption(values);
  const overrides: Partial<ReadingModel> = {};
  const rm = stringOption(values, 'reading-minutes');
  if (rm !== undefined) {
    const { given, ...minutes } = readingMinutesOption(rm);
    overrides.readingMinutes = minutes;
    // Partly given: the modality left out keeps an illustrative time, so the model is illustrative.
    overrides.readingProvenance = given.size === MODALITIES.length ? 'input' : 'illustrative';
  }
  const reading = enumOption(values, 'reading', DISTRIBUTIONS);
  if (reading !== undefined)
    overrides.distribution = reading === 'fixed' ? 'deterministic' : 'exponential';
  const targetMinutes = numberOption(
    values,
    'target-minutes',
    (n) => n > 0,
    'cli.oncall.usage.positive',
  );
  if (targetMinutes !== undefined) overrides.targetMinutes = targetMinutes;
  const targetShare = numberOption(
    values,
    'target-share',
    (n) => n > 0 && n < 1,
    'cli.oncall.usage.share',
  );
  if (targetShare !== undefined) overrides.targetShare = targetShare;
  const rate = numberOption(values, 'hourly-rate', (n) => n >= 0, 'cli.oncall.usage.rate');
  if (rate !== undefined) overrides.hourlyRate = rate;
  return {
    territory,
    model: defaultReadingModel(overrides),
    holidays: holidaysOption(stringOption(values, 'holidays')),
  };
}

function placeOf(t: OncallTerritory): string {
  if (t.kind === 'sites') return say('cli.oncall.place.sites');
  return say(t.kind === 'department' ? 'cli.oncall.place.department' : 'cli.oncall.place.region', {
    code: t.code ?? '',
    name: t.name ?? '',
  });
}

function territoryLine(t: OncallTerritory): string {
  return say('cli.oncall.territory', { place: placeOf(t) });
}

async function kitFromStore(values: OptionValues): Promise<Kit> {
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
    const kit = await loadKit(store, id);
    if (kit === null) throw new UserError(`campaign ${id} is not stored`);
    return kit;
  });
}

export const oncallCommand: Command = {
  name: 'oncall',
  summary: 'compare on-call and teleradiology pooling options for a département, a region or sites',
  usage: USAGE,
  options: {
    json: { type: 'boolean' },
    campaign: { type: 'string' },
    department: { type: 'string' },
    region: { type: 'string' },
    sites: { type: 'string' },
    'reading-minutes': { type: 'string' },
    reading: { type: 'string' },
    'target-minutes': { type: 'string' },
    'target-share': { type: 'string' },
    'hourly-rate': { type: 'string' },
    holidays: { type: 'string' },
    ...STORE_OPTIONS,
  },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    const options = oncallOptions(values);
    const kit = kitDir ? await readKitOrFail(kitDir) : await kitFromStore(values);
    const doc = oncallDocumentOf(kit, options);
    if (values.json) process.stdout.write(`${JSON.stringify(oncallJson(doc), null, 2)}\n`);
    else process.stdout.write(`${describeOncall(doc)}\n`);
    return 0;
  },
};

/** The sites of the territory, or a clear error when there is none. */
function sitesOrFail(kit: Pick<Kit, 'establishments'>, territory: OncallTerritory): string[] {
  const found = sitesOfTerritory(kit, territory);
  if (found.ok) return found.sites;
  if (found.code === 'unknownSites')
    throw new UserError(say('cli.oncall.error.unknownSites', { sites: found.unknown.join(', ') }));
  throw new UserError(say('cli.oncall.error.noSite', { territory: placeOf(territory) }));
}

/** The pooling document of the kit's sites in the options' territory (a clear error when it has none). */
export function oncallDocumentOf(
  kit: Pick<Kit, 'campaign' | 'establishments' | 'equipment' | 'exams'>,
  options: OncallOptions,
): OncallDocument {
  return oncallDocument(kit, sitesOrFail(kit, options.territory), options);
}

/** A note in the CLI's language. */
export function oncallNoteText(n: OncallNote): string {
  const lang = getCliLang();
  const p = n.params;
  if (n.code !== 'readingCeiling') return say(`cli.oncall.note.${n.code}`, p);
  return say('cli.oncall.note.readingCeiling', {
    modality: String(p.modality),
    share: formatPercent(Number(p.share), lang, 0),
    targetMinutes: formatNumber(Number(p.targetMinutes), lang, 1),
    minutes: formatNumber(Number(p.minutes), lang, 1),
  });
}

/** The JSON of `--json`: the document without the hour-of-week curves, each note with its text. */
export function oncallJson(doc: OncallDocument): unknown {
  return {
    ...doc,
    demand: { ...doc.demand, rows: doc.demand.rows.map(({ byHourOfWeek: _, ...row }) => row) },
    notes: doc.notes.map((n) => ({ ...n, message: oncallNoteText(n) })),
  };
}

/** The readable report: territory, sites, PDS hours and demand, one row per option, provenance and notes. */
export function describeOncall(doc: OncallDocument): string {
  const lang = getCliLang();
  const prov = (p: Provenance): string => say(`cli.oncall.provenance.${p}`);
  const m = doc.model;
  const c = doc.campaign;
  const lines = [
    say('cli.oncall.title', { id: c.id, name: c.name, start: c.start }),
    territoryLine(doc.territory),
    say('cli.oncall.sites', {
      n: doc.sites.length,
      list: doc.sites.map((s) => `${s.name} (${s.finess})`).join(', '),
    }),
    say('cli.oncall.hours', {
      night: formatNumber(doc.demand.hoursPerWeek.night, lang, 1),
      weekend: formatNumber(doc.demand.hoursPerWeek.weekend, lang, 1),
    }),
  ];
  for (const modality of MODALITIES) {
    const rows = doc.demand.rows.filter((r) => r.modality === modality);
    if (rows.length === 0) continue;
    const sum = (p: 'night' | 'weekend'): number => rows.reduce((s, r) => s + r.perWeek[p], 0);
    lines.push(
      say('cli.oncall.demand', {
        modality,
        night: formatNumber(sum('night'), lang, 1),
        weekend: formatNumber(sum('weekend'), lang, 1),
      }),
    );
  }
  lines.push(
    say('cli.oncall.model', {
      reading: MODALITIES.map((k) => `${k} ${formatNumber(m.readingMinutes[k], lang, 1)} min`).join(
        ', ',
      ),
      readingProvenance: prov(m.readingProvenance),
      distribution: say(`cli.oncall.distribution.${m.distribution}`),
      targetShare: formatPercent(m.targetShare, lang, 0),
      targetMinutes: formatNumber(m.targetMinutes, lang, 1),
      rate:
        m.hourlyRate === null
          ? say('cli.oncall.noRate')
          : `${formatNumber(m.hourlyRate, lang, 2)} €`,
    }),
  );
  const columns: Column[] = [
    { header: say('cli.oncall.col.option') },
    { header: say('cli.oncall.col.lines'), align: 'right' },
    { header: say('cli.oncall.col.hours'), align: 'right' },
    { header: say('cli.oncall.col.examsPerHour'), align: 'right' },
    { header: say('cli.oncall.col.share'), align: 'right' },
    { header: say('cli.oncall.col.response'), align: 'right' },
    { header: say('cli.oncall.col.cost'), align: 'right' },
  ];
  const rows = doc.options.map((o) => [
    say(`cli.oncall.option.${o.option}`),
    formatInteger(o.linesNeeded, lang),
    formatNumber(o.onCallHoursPerWeek, lang, 1),
    formatNumber(o.examsPerOnCallHour, lang, 2),
    formatPercent(o.shareReadWithinTarget, lang, 1),
    formatNumber(o.meanResponseMinutes, lang, 1),
    formatInteger(o.costPerWeek === null ? null : Math.round(o.costPerWeek), lang),
  ]);
  const first = doc.options[0]?.provenance;
  lines.push('', table(columns, rows), '');
  if (first)
    lines.push(
      say('cli.oncall.provenance', {
        demand: prov(doc.demand.provenance),
        figures: prov(
          weakest(first.linesNeeded, first.onCallHoursPerWeek, first.shareReadWithinTarget),
        ),
        cost: prov(first.costPerWeek),
      }),
    );
  if (doc.notes.length > 0) {
    lines.push('', say('cli.oncall.notes'));
    for (const n of doc.notes) lines.push(`  - ${oncallNoteText(n)}`);
  }
  return lines.join('\n');
}
