/**
 * Cards: a title, a one-line "how to read" note, and their content; a chart card adds its data
 * as an exportable table behind a disclosure (the chart's accessible alternative).
 */
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useT } from '../lib/i18n.tsx';
import type { ChartProps } from './chart.tsx';
import { Chart } from './chart.tsx';
import type { DataTableProps } from './data-table.tsx';
import { DataTable } from './data-table.tsx';

export interface CardProps {
  title: string;
  /** How to read the card, in one or two sentences. */
  note?: string;
  id?: string;
  /** Heading level of the title (3 inside a page section, 2 at a page's top level). */
  level?: 2 | 3 | 4;
  className?: string;
  children: ReactNode;
}

/** A titled card. */
export function Card({ title, note, id, level = 3, className, children }: CardProps): ReactNode {
  const headingId = useId();
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <section
      className={`card${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      id={id}
    >
      <header className="card-header">
        <Heading id={headingId} className="card-title">
          {title}
        </Heading>
        {note && <p className="card-note">{note}</p>}
      </header>
      {children}
    </section>
  );
}

/**
 * A chart followed by its data as a table behind "show the data as a table". The table is
 * built when first opened: a campaign page holds dozens of them.
 */
export function ChartWithTable<R>({
  chart,
  table,
}: {
  chart: ChartProps;
  table: DataTableProps<R>;
}): ReactNode {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <div className="chart-with-table">
      <Chart {...chart} />
      <details
        className="table-details"
        onToggle={(e) => setOpened(opened || e.currentTarget.open)}
      >
        <summary>{t('table.show')}</summary>
        {opened && <DataTable {...table} />}
      </details>
    </div>
  );
}
