/**
 * `plateau relevance [KIT_DIR]`: the relevance figures of planning.md §6 from a kit's files or the
 * store — neuro CT share per site and territory (département or region), repeats (where exams
 * carry a patient key) and data-quality shares — as tables in the CLI's language or JSON.
 */
import type { Kit } from '../../core/kit-types.ts';
import type { Quantiles } from '../../core/stats.ts';
import { formatInteger, formatPercent } from '../../i18n/index.ts';
import {
  computeRelevance,
  RELEVANCE_LEVELS,
  type RelevanceDocument,
  type RelevanceLevel,
  type ScopeFigures,
} from '../../plan/relevance/document.ts';
import { loadKit } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { enumOption, positionals, STORE_OPTIONS, stringOption } from '../command.ts';
import type { Column } from '../output.ts';
import { getCliLang, say, table, UsageError, UserError } from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { readKitOrFail } from './read-kit-or-fail.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau relevance [KIT_DIR] [--level site|department|region] [--json]

Relevance figures of planning.md §6, per site (FINESS) and per territory:
  - neuro imaging: head/brain exams (act family 'head') on CT and on MRI, and the CT share of
    their sum (neuroCtShare), scheduled (A, H, R) and emergency (U) apart; its percentile rank
    among peers and the peers' P20/P50/P80. Peer sites are those with both a CT and an MR
    machine; a share at or above the peers' P80 is flagged for review against the Guide du bon
    usage des examens d'imagerie (a flag to look at, not a verdict);
  - repeats: an exam of the same patient (exams.csv patient_key), modality and act family
    within 30 days of the previous one, counted at the site of the later exam; repeatShare is
    repeats ÷ exams with a patient key, null where no exam has one (a note says so). The key is
    a keyed hash (such as 32 or more hex characters), never a name or a number: a key that looks
    like a raw identifier refuses the kit;
  - data quality: shares of exams without a request time and without a booked length.

  KIT_DIR               compute from a data kit's files; without it, read the campaign saved
                        in the store by 'plateau import'
  --level L             site (sites only), department (default) or region: the territories,
                        from the establishments' département (establishments.csv)
  --json                { sites[], territories[], peers, notes } with flat numbers or null
  --campaign ID         which stored campaign (default: the last imported)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store
  --lang fr|en          language of the tables

Examples:
  plateau relevance ./my-kit --level region
  plateau relevance --json > relevance.json`;

async function fromStore(values: OptionValues): Promise<Kit> {
  return withStore(values, async (store) => {
    const { id } = await chooseCampaign(store, stringOption(values, 'campaign'));
    const kit = await loadKit(store, id);
    if (!kit) throw new UserError(say('cli.relevance.noCampaign', { id }));
    return kit;
  });
}

export const relevanceCommand: Command = {
  name: 'relevance',
  summary: 'print neuro CT share, repeats and data quality per site and territory (planning.md §6)',
  usage: USAGE,
  options: {
    json: { type: 'boolean' },
    campaign: { type: 'string' },
    level: { type: 'string' },
    ...STORE_OPTIONS,
  },
  async run({ positionals: args, values }) {
    const [kitDir] = positionals(args, 0, 1, 'at most one KIT_DIR');
    const level: RelevanceLevel = enumOption(values, 'level', RELEVANCE_LEVELS) ?? 'department';
    if (kitDir && stringOption(values, 'campaign') !== undefined)
      throw new UsageError(say('cli.relevance.campaignWithKit'));
    const kit = kitDir ? await readKitOrFail(kitDir) : await fromStore(values);
    const doc = computeRelevance(kit, level);
    if (values.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else process.stdout.write(`${describeRelevance(doc)}\n`);
    return 0;
  },
};

/** The readable report: sites, territories, peers and notes, in the CLI's language. */
export function describeRelevance(doc: RelevanceDocument): string {
  const lang = getCliLang();
  const pct = (v: number | null): string => formatPercent(v, lang, 0);
  const int = (v: number): string => formatInteger(v, lang);
  const flag = (f: boolean): string => (f ? say('cli.relevance.flag') : '');
  const scopeCols = (prefix: 'head' | 'sched' | 'emerg'): Column[] => [
    { header: say(`cli.relevance.col.${prefix}Ct`), align: 'right' },
    { header: say(`cli.relevance.col.${prefix}Mr`), align: 'right' },
    { header: say(`cli.relevance.col.${prefix}Share`), align: 'right' },
  ];
  const scopeCells = (s: ScopeFigures): string[] => [
    int(s.headCt),
    int(s.headMr),
    pct(s.neuroCtShare),
  ];
  const lines = [say('cli.relevance.title', { id: doc.campaign.id, name: doc.campaign.name }), ''];
  lines.push(say('cli.relevance.sites', { n: doc.sites.length }));
  lines.push(
    table(
      [
        { header: say('cli.relevance.col.finess') },
        { header: say('cli.relevance.col.name') },
        ...scopeCols('head'),
        { header: say('cli.relevance.col.rank'), align: 'right' },
        { header: say('cli.relevance.col.flag') },
        ...scopeCols('sched'),
        ...scopeCols('emerg'),
        { header: say('cli.relevance.col.repeat'), align: 'right' },
        { header: say('cli.relevance.col.noRequest'), align: 'right' },
        { header: say('cli.relevance.col.noBooked'), align: 'right' },
      ],
      doc.sites.map((s) => [
        s.finess,
        s.name ?? '',
        ...scopeCells(s),
        s.peer ? pct(s.neuroCtRank) : say('cli.relevance.notPeer'),
        flag(s.flagged),
        ...scopeCells(s.scheduled),
        ...scopeCells(s.emergency),
        pct(s.repeatShare),
        pct(s.withoutRequestShare),
        pct(s.withoutBookedShare),
      ]),
    ),
  );
  lines.push('', peersLine('sites', doc.peers.sites.all, pct));
  if (doc.level !== 'site') {
    lines.push('', say(`cli.relevance.territories.${doc.level}`, { n: doc.territories.length }));
    lines.push(
      table(
        [
          { header: say('cli.relevance.col.territory') },
          { header: say('cli.relevance.col.name') },
          { header: say('cli.relevance.col.siteCount'), align: 'right' },
          ...scopeCols('head'),
          { header: say('cli.relevance.col.rank'), align: 'right' },
          { header: say('cli.relevance.col.flag') },
          ...scopeCols('sched'),
          ...scopeCols('emerg'),
          { header: say('cli.relevance.col.repeat'), align: 'right' },
        ],
        doc.territories.map((t) => [
          t.id,
          t.name ?? '',
          int(t.sites),
          ...scopeCells(t),
          pct(t.neuroCtRank),
          flag(t.flagged),
          ...scopeCells(t.scheduled),
          ...scopeCells(t.emergency),
          pct(t.repeatShare),
        ]),
      ),
    );
    lines.push('', peersLine('territories', doc.peers.territories.all, pct));
  }
  lines.push('', say('cli.relevance.legend'));
  for (const note of doc.notes)
    lines.push(`  - ${say(`cli.relevance.note.${note.code}`, { n: note.n })}`);
  return lines.join('\n');
}

function peersLine(
  kind: 'sites' | 'territories',
  q: Quantiles,
  pct: (v: number | null) => string,
): string {
  return say(`cli.relevance.peers.${kind}`, {
    n: q.n,
    p20: pct(q.p20),
    p50: pct(q.p50),
    p80: pct(q.p80),
  });
}
