/**
 * The distribution of each main per-machine figure across the peer group, as small histograms.
 * Occupancy and ICR per hour are drawn over the machines the inclusion rule keeps, as their
 * P20/P50/P80 are.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { MACHINE_FIGURES } from '../../../core/benchmark.ts';
import type { Modality } from '../../../core/kit-types.ts';
import type { PeerBenchmark } from '../../../core/indicators/types.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { published } from '../../lib/figures.ts';
import { Card } from '../card.tsx';
import { HistogramBlock } from './histogram-block.tsx';

/** The figures drawn, with the benchmark distribution each one's band comes from. */
const DRAWN = [
  'programmedOpening',
  'extendedOpening',
  'totalOpening',
  'occupancyProgrammed',
  'icrPerHour',
  'passagesPerWeek',
  'emergencyShare',
] as const satisfies readonly (keyof PeerBenchmark)[];

/** True when a figure's distribution is taken over the machines the inclusion rule keeps. */
export function includedOnly(key: string): boolean {
  return MACHINE_FIGURES.find((f) => f.key === key)?.includedOnly ?? false;
}

/** The values of a figure over the machines its distribution is taken over. */
export function figureValues(machines: readonly MachinePoint[], key: string): (number | null)[] {
  const onlyIncluded = includedOnly(key);
  return machines
    .filter((m) => !onlyIncluded || m.occupancyIncluded)
    .map((m) => m.figures[key] ?? null);
}

/** The distributions card of one modality. */
export function Distributions({
  modality,
  benchmark,
  machines,
}: {
  modality: Modality;
  benchmark: PeerBenchmark;
  machines: readonly MachinePoint[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const values = useMemo(
    () => new Map(DRAWN.map((key) => [key, figureValues(machines, key)])),
    [machines],
  );
  const noneIncluded =
    machines.length > 0 && !machines.some((m) => m.occupancyIncluded)
      ? t('chart.noneIncluded', { n: machines.length })
      : undefined;
  return (
    <Card
      title={t('card.distributions.title')}
      note={t('card.distributions.note')}
      id={`distributions-${modality}`}
    >
      <div className="grid grid-3">
        {DRAWN.map((key) => (
          <HistogramBlock
            key={key}
            name={`histogram-${key}-${modality}`}
            figureKey={key}
            context={modalityLabel(modality, lang)}
            values={values.get(key) ?? []}
            quantiles={benchmark[key]}
            reference={published(key, modality)}
            {...(includedOnly(key) && noneIncluded ? { emptyText: noneIncluded } : {})}
          />
        ))}
      </div>
    </Card>
  );
}
