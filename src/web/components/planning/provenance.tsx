/**
 * Provenance beside a figure (measured, declared, reference, illustrative) and the banner an
 * illustrative set of figures must carry wherever it shows.
 */
import type { ReactNode } from 'react';
import { useLang, useT } from '../../lib/i18n.tsx';
import type { PlanningProvenance } from '../../lib/planning.ts';
import { provenanceText } from '../../lib/planning.ts';

/** A small badge naming a provenance; illustrative stands out. */
export function ProvenanceBadge({ provenance }: { provenance: PlanningProvenance }): ReactNode {
  const lang = useLang();
  return (
    <span className={`provenance provenance-${provenance}`} data-provenance={provenance}>
      {provenanceText(provenance, lang)}
    </span>
  );
}

/** The banner of illustrative figures. */
export function IllustrativeBanner({ text, testId }: { text: string; testId: string }): ReactNode {
  return (
    <p className="notice planning-banner" role="note" data-testid={testId}>
      <ProvenanceBadge provenance="illustrative" /> {text}
    </p>
  );
}

/** The legend of the provenance words. */
export function ProvenanceLegend(): ReactNode {
  const t = useT();
  return <p className="muted small planning-legend">{t('planning.web.provenance.legend')}</p>;
}
