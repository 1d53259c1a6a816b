/**
 * English words of the reports' trends (issue 16), the same keys as `trends-fr.ts`; spread into
 * `en.ts`.
 */
export const trendsEn = {
  'trends.site.title': 'Trends across campaigns',
  'trends.site.intro':
    'The establishment and its machines are followed over the campaigns stored up to this one: same FINESS, same machine id, or the previous id it declares (a machine replaced or renamed). Each machine has its own “Trends” sub-section.',
  'trends.site.years': 'The establishment campaign by campaign',
  'trends.site.events': 'Machines and establishment since last year ({from} → {to})',
  'trends.site.noEvents': 'No machine added, removed, replaced or renamed between {from} and {to}.',
  'trends.machine.title': 'Trends',
  'trends.machine.multiples':
    '{machine} campaign by campaign: its value (solid line, points), the P20–P80 band of its peers of the same modality and their median (dashed). A gap: the machine is absent or the figure not computable in that campaign.',
  'trends.machine.links': 'The machine from one campaign to the next',
  'trends.machine.leads': 'Improvement leads followed (hours per week they would free)',
  'trends.machine.leadsNone': 'No lead to follow between this machine’s campaigns.',
  'trends.machine.since': 'Since last year ({from} → {to})',
  'trends.machine.onlyOne': 'The machine is in the last campaign only: nothing to compare yet.',
  'trends.lead.lateStart': 'Late start (hours to free)',
  'trends.synthesis.title': 'Trends across campaigns',
  'trends.synthesis.intro.national':
    'The machines of each modality over the campaigns stored up to this one: for each figure, the median and the P20–P80 band of all the campaign’s machines.',
  'trends.synthesis.intro.region':
    'The region’s machines over the campaigns stored up to this one: for each figure, the median and the P20–P80 band of the region’s machines, and the national median of the same campaign.',
  'trends.synthesis.groups': 'Machines, establishments and exams per campaign',
  'trends.synthesis.multiples.national':
    '{modality}: median of all machines (solid line) and P20–P80 band, campaign by campaign.',
  'trends.synthesis.multiples.region':
    '{modality}: median of the region’s machines (solid line) and P20–P80 band, national median dashed, campaign by campaign.',
  'trends.synthesis.table': '{modality}: median [P20 – P80] per campaign',
  'trends.synthesis.nation': 'Nat. P50 {campaign}',
  'trends.synthesis.events': 'Since last year ({from} → {to}): {list}.',
  'trends.synthesis.noEvents':
    'Since last year ({from} → {to}): no machine or establishment added or removed.',
  'trends.synthesis.count.machine-added':
    '{n, plural, one {# machine added} other {# machines added}}',
  'trends.synthesis.count.machine-removed':
    '{n, plural, one {# machine removed} other {# machines removed}}',
  'trends.synthesis.count.machine-replaced':
    '{n, plural, one {# machine replaced} other {# machines replaced}}',
  'trends.synthesis.count.machine-renamed':
    '{n, plural, one {# machine renamed} other {# machines renamed}}',
  'trends.synthesis.count.site-added':
    '{n, plural, one {# establishment added} other {# establishments added}}',
  'trends.synthesis.count.site-removed':
    '{n, plural, one {# establishment removed} other {# establishments removed}}',
  'trends.synthesis.bundles':
    '{n, plural, one {# establishment} other {# establishments}} sent a signed bundle of aggregates rather than raw data in the last campaign; {n, plural, one {it is} other {they are}} counted in the medians and bands like the others.',
  'trends.synthesis.moves': 'Notable moves of the medians',
  'trends.synthesis.movesNone': 'No notable move of the medians between {from} and {to}.',
} as const;
