/**
 * The benchmark of a peer group (a `BenchmarkView`): a section per modality, or what to do when
 * the filters select no machine.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { MODALITIES } from '../../../core/kit-types.ts';
import type { BenchmarkView } from '../../../core/views/types.ts';
import { useT } from '../../lib/i18n.tsx';
import { EmptyState } from '../states.tsx';
import { ModalitySection } from './modality-section.tsx';

/** The sections of a benchmark view. */
export function BenchmarkBody({
  campaignId,
  view,
}: {
  campaignId: string;
  view: BenchmarkView;
}): ReactNode {
  const t = useT();
  const byModality = useMemo(
    () => new Map(MODALITIES.map((m) => [m, view.machines.filter((p) => p.modality === m)])),
    [view.machines],
  );
  const present = MODALITIES.filter(
    (m) => view.benchmark[m] !== undefined && (view.benchmark[m]?.machines ?? 0) > 0,
  );
  if (present.length === 0) {
    return (
      <EmptyState title={t('campaign.noMachines.title')}>
        <p>{t('campaign.noMachines.body')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      {!view.pooledExact && (
        <p className="notice" role="note">
          {t('campaign.pooledNote')}
        </p>
      )}
      {present.map((m) => {
        const benchmark = view.benchmark[m];
        if (!benchmark) return null;
        return (
          <ModalitySection
            key={m}
            campaignId={campaignId}
            modality={m}
            benchmark={benchmark}
            survey={view.survey[m]}
            machines={byModality.get(m) ?? []}
          />
        );
      })}
    </>
  );
}
