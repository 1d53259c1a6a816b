/**
 * Everything the benchmark shows for one modality of a peer group, in the report's order: key
 * figures, distributions, occupancy bubbles, openings, durations and delays, night and on-call,
 * and the machines; with a jump list at the top.
 */
import type { ReactNode } from 'react';
import type { Modality } from '../../../core/kit-types.ts';
import type { PeerBenchmark, SurveySummary } from '../../../core/indicators/types.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card } from '../card.tsx';
import { Bubbles } from './bubbles.tsx';
import { Delays } from './delays.tsx';
import { Distributions } from './distributions.tsx';
import { KeyFigures } from './key-figures.tsx';
import { MachinesTable } from './machines-table.tsx';
import { Night } from './night.tsx';
import { OpeningsCard } from './openings-card.tsx';

export interface ModalitySectionProps {
  campaignId: string;
  modality: Modality;
  benchmark: PeerBenchmark;
  survey: SurveySummary | undefined;
  machines: readonly MachinePoint[];
}

/** One modality's benchmark section. */
export function ModalitySection({
  campaignId,
  modality,
  benchmark,
  survey,
  machines,
}: ModalitySectionProps): ReactNode {
  const t = useT();
  const lang = useLang();
  const jumps: [string, string][] = [
    [`key-figures-${modality}`, t('card.keyFigures.title')],
    [`distributions-${modality}`, t('card.distributions.title')],
    [`bubbles-${modality}`, t('card.bubbleProgrammed.title')],
    [`openings-${modality}`, t('card.openings.title')],
    [`durations-${modality}`, t('card.durations.title')],
    [`appointment-delays-${modality}`, t('card.surveyPatient.title')],
    [`report-delays-${modality}`, t('card.reportDelays.title')],
    [`night-${modality}`, t('card.night.title')],
    [`machines-${modality}`, t('card.machines.title')],
  ];
  const headingId = `modality-${modality}`;
  return (
    <section className="modality-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('campaign.section', {
          modality: modalityLabel(modality, lang),
          n: benchmark.machines,
          included: benchmark.includedMachines,
        })}
      </h2>
      <nav
        className="jump-list"
        aria-label={`${t('campaign.sectionsNav')} — ${modalityLabel(modality, lang)}`}
      >
        <ul>
          {jumps.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label.split(' — ')[0]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <KeyFigures modality={modality} benchmark={benchmark} />
      <Distributions modality={modality} benchmark={benchmark} machines={machines} />
      <Bubbles
        campaignId={campaignId}
        modality={modality}
        benchmark={benchmark}
        machines={machines}
      />
      <OpeningsCard campaignId={campaignId} modality={modality} machines={machines} />
      <Delays modality={modality} benchmark={benchmark} survey={survey} />
      <Night modality={modality} benchmark={benchmark} machines={machines} />
      <Card
        title={t('card.machines.title')}
        note={t('card.machines.note')}
        id={`machines-${modality}`}
      >
        <MachinesTable
          name={`machines-${modality}`}
          title={`${t('card.machines.title')} — ${modalityLabel(modality, lang)}`}
          campaignId={campaignId}
          machines={machines}
        />
      </Card>
    </section>
  );
}
