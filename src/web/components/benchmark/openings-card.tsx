/**
 * Weekly opening of each machine out of 168 h, stacked by the report's three classes
 * (figures 9–10), with the machines' openings as a table.
 */
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import type { OpeningRow } from '../../../charts/openings.ts';
import { openingRows, openingsOption } from '../../../charts/openings.ts';
import type { Modality } from '../../../core/kit-types.ts';
import type { MachinePoint } from '../../../core/views/types.ts';
import { formatHoursPerWeek } from '../../../i18n/format.ts';
import { figureLabel, modalityLabel } from '../../../i18n/labels.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { Card, ChartWithTable } from '../card.tsx';
import { MachineLink } from '../entity-links.tsx';
import { useNavigate } from '../link.tsx';

/** The openings card of one modality. */
export function OpeningsCard({
  campaignId,
  modality,
  machines,
}: {
  campaignId: string;
  modality: Modality;
  machines: readonly MachinePoint[];
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const option = useMemo(() => openingsOption({ points: machines, lang }), [machines, lang]);
  const rows = useMemo(() => openingRows(machines), [machines]);
  const open = useCallback((id: string) => go(paths.machine(campaignId, id)), [go, campaignId]);
  const name = `openings-${modality}`;
  const title = `${t('card.openings.title')} — ${modalityLabel(modality, lang)}`;
  const hours = (
    key: 'programmed' | 'extended' | 'total',
    figure: string,
  ): {
    key: string;
    label: string;
    kind: 'number';
    value: (r: OpeningRow) => number;
    render: (r: OpeningRow) => string;
  } => ({
    key,
    label: figureLabel(figure, lang),
    kind: 'number',
    value: (r) => r[key],
    render: (r) => formatHoursPerWeek(r[key], lang),
  });
  return (
    <Card title={t('card.openings.title')} note={t('card.openings.note')} id={name}>
      <ChartWithTable<OpeningRow>
        chart={{ name, title, option, height: 340, onItemClick: open }}
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
            hours('programmed', 'programmedOpening'),
            hours('extended', 'extendedOpening'),
            hours('total', 'totalOpening'),
          ],
        }}
      />
    </Card>
  );
}
