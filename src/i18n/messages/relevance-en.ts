/**
 * Messages of `plateau relevance` (relevance, planning.md §6); en.ts spreads them. Kept in its own
 * file so that each feature adds its words without touching the others'.
 */
export const relevanceMessagesEn = {
  'issue.patient-key-identifier': 'Patient key that looks like a raw identifier',
  'cli.relevance.title': 'Relevance — campaign {id} ({name})',
  'cli.relevance.sites': '{n, plural, one {# site} other {# sites}}',
  'cli.relevance.territories.department': '{n, plural, one {# département} other {# départements}}',
  'cli.relevance.territories.region': '{n, plural, one {# region} other {# regions}}',
  'cli.relevance.col.finess': 'FINESS',
  'cli.relevance.col.name': 'Name',
  'cli.relevance.col.territory': 'Territory',
  'cli.relevance.col.siteCount': 'Sites',
  'cli.relevance.col.headCt': 'Head CT',
  'cli.relevance.col.headMr': 'Head MRI',
  'cli.relevance.col.headShare': 'CT share',
  'cli.relevance.col.rank': 'Rank',
  'cli.relevance.col.flag': 'Review',
  'cli.relevance.col.schedCt': 'Sched. CT',
  'cli.relevance.col.schedMr': 'Sched. MRI',
  'cli.relevance.col.schedShare': 'Sched. CT share',
  'cli.relevance.col.emergCt': 'U CT',
  'cli.relevance.col.emergMr': 'U MRI',
  'cli.relevance.col.emergShare': 'U CT share',
  'cli.relevance.col.repeat': 'Repeats',
  'cli.relevance.col.noRequest': 'No request time',
  'cli.relevance.col.noBooked': 'No booked length',
  'cli.relevance.flag': 'review',
  'cli.relevance.notPeer': 'not a peer',
  'cli.relevance.peers.sites':
    'Peers (sites with CT and MRI, {n, plural, one {# site} other {# sites}}): CT share P20 {p20}, P50 {p50}, P80 {p80}',
  'cli.relevance.peers.territories':
    'Peers ({n, plural, one {# territory} other {# territories}}): CT share P20 {p20}, P50 {p50}, P80 {p80}',
  'cli.relevance.legend':
    "Head: exams of the 'head' act family (skull, brain, face) on CT and MRI; CT share = CT ÷ (CT + MRI), scheduled (A, H, R) and emergency (U) apart. Rank: percentile rank among peers. 'Review': share at or above the peers' P80, to be looked at against the Guide du bon usage des examens d'imagerie (a flag, not a verdict).",
  'cli.relevance.note.repeats-need-patient-key':
    'Repeat exams: no exam has a patient_key (column of exams.csv: a keyed hash, never a name or a number); the repeat share is empty (—)',
  'cli.relevance.note.unknown-machine-exams':
    '{n, plural, one {# exam on an unknown machine is} other {# exams on unknown machines are}} left out',
  'cli.relevance.note.sites-without-territory':
    '{n, plural, one {# site without a known département is} other {# sites without a known département are}} in no territory',
  'cli.relevance.campaignWithKit': '--campaign reads the store: it does not go with KIT_DIR',
  'cli.relevance.noCampaign': 'Campaign {id} is not in the store',
} as const;
