/**
 * The report's bubble charts (figures 13–14, 17–18) for a peer group: opening × occupancy,
 * bubble size by ICR per hour, red by the share of patients from the emergency department;
 * programmed sessions and programmed + emergency sessions. A bubble opens its machine.
 */
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import type { BubbleDatum, BubbleMode } from '../../../charts/bubble.ts';
import { BUBBLE_KEYS, bubbleData, bubbleOption } from '../../../charts/bubble.ts';
import type { Modality } from '../../../core/kit-types.ts';
import type { PeerBenchmark } from '../../../core/indicators/types.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { formatHoursPerWeek, formatIcrPerHour, formatPercent } from '../../../i18n/format.ts';
import { figureLabel, modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { Card, ChartWithTable } from '../card.tsx';
import { MachineLink } from '../entity-links.tsx';
import { useNavigate } from '../link.tsx';

function BubbleCard({
  campaignId,
  modality,
  mode,
  benchmark,
  machines,
}: {
  campaignId: string;
  modality: Modality;
  mode: BubbleMode;
  benchmark: PeerBenchmark;
  machines: readonly MachinePoint[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const programmed = mode === 'programmed';
  const option = useMemo(() => {
    const medians =
      mode === 'programmed'
        ? { opening: benchmark.programmedOpening.p50, occupancy: benchmark.occupancyProgrammed.p50 }
        : {
            opening: benchmark.programmedPlusEmergencyOpening.p50,
            occupancy: benchmark.occupancyProgrammedPlusEmergency.p50,
          };
    return bubbleOption({ points: machines, mode, lang, medians });
  }, [machines, mode, lang, benchmark]);
  const rows = useMemo(() => bubbleData(machines, mode), [machines, mode]);
  const labels = useMemo(() => new Map(machines.map((m) => [m.equipmentId, m])), [machines]);
  const open = useCallback((id: string) => go(paths.machine(campaignId, id)), [go, campaignId]);
  const name = `bubble-${mode}-${modality}`;
  const title = `${t(programmed ? 'card.bubbleProgrammed.title' : 'card.bubbleEmergency.title')} — ${modalityLabel(modality, lang)}`;
  const keys = BUBBLE_KEYS[mode];
  return (
    <Card
      title={t(programmed ? 'card.bubbleProgrammed.title' : 'card.bubbleEmergency.title')}
      note={t(programmed ? 'card.bubbleProgrammed.note' : 'card.bubbleEmergency.note')}
      id={`${name}`}
    >
      <ChartWithTable<BubbleDatum>
        chart={{ name, title, option, height: 400, onItemClick: open }}
        table={{
          name,
          title,
          rows,
          rowKey: (r) => r.equipmentId,
          columns: [
            {
              key: 'machine',
              label: t('col.machine'),
              kind: 'text',
              value: (r) => r.name,
              render: (r) => (
                <MachineLink campaignId={campaignId} equipmentId={r.equipmentId} label={r.name} />
              ),
            },
            {
              key: 'establishment',
              label: t('col.establishment'),
              kind: 'text',
              value: (r) => labels.get(r.equipmentId)?.establishment ?? null,
              exportOnly: true,
            },
            {
              key: 'opening',
              label: figureLabel(keys.opening, lang),
              kind: 'number',
              value: (r) => r.opening,
              render: (r) => formatHoursPerWeek(r.opening, lang),
            },
            {
              key: 'occupancy',
              label: figureLabel(keys.occupancy, lang),
              kind: 'percent',
              value: (r) => r.occupancy,
              render: (r) => formatPercent(r.occupancy, lang),
            },
            {
              key: 'icr',
              label: figureLabel('icrPerHour', lang),
              kind: 'number',
              value: (r) => r.icrPerHour,
              render: (r) => formatIcrPerHour(r.icrPerHour, lang),
            },
            {
              key: 'ed',
              label: figureLabel('emergencyShare', lang),
              kind: 'percent',
              value: (r) => r.emergencyShare,
            },
          ],
        }}
      />
    </Card>
  );
}

/** Both bubble charts of one modality, side by side on wide screens. */
export function Bubbles(props: {
  campaignId: string;
  modality: Modality;
  benchmark: PeerBenchmark;
  machines: readonly MachinePoint[];
}): ReactNode {
  return (
    <div className="grid grid-2" id={`bubbles-${props.modality}`}>
      <BubbleCard {...props} mode="programmed" />
      <BubbleCard {...props} mode="programmedPlusEmergency" />
    </div>
  );
}
