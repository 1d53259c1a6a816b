// The Scenarios tab (issue 13) on the national campaign, as a manager uses it: compose a scenario
// on a machine, run it in the browser's worker, read the status quo against it, share the link
// (which runs again to the same figures: same seed), cancel a long run, pool a site's machines.
import { describe, expect, it } from 'vitest';
import type { EstablishmentListing, EstablishmentView } from '../../src/core/views/types.ts';
import type { Scenario } from '../../src/plan/simulation/types.ts';
import { decodeScenario } from '../../src/web/lib/scenario-url.ts';
import { browserAvailable } from './helpers/browser.ts';
import { addressOf, digits, tableCells, waitForChart } from './helpers/dom.ts';
import { useE2e } from './helpers/fixture.ts';
import { NATIONAL_ID } from './helpers/national-store.ts';

const C = `/c/${NATIONAL_ID}`;
const API = `/api/campaigns/${NATIONAL_ID}`;

/** What the model route answers (only what the test reads). */
interface ModelAnswer {
  model: { observed: Record<string, number | null>; machines: { equipmentId: string }[] };
}

describe.runIf(browserAvailable())('the Scenarios tab', () => {
  const e2e = useE2e('scenarios');

  /** A site with a scanner and at least two MRI machines (an MRI pool), and its view. */
  async function pooledSite(): Promise<EstablishmentView> {
    const all = await e2e.api<EstablishmentListing[]>(`${API}/establishments`);
    const site = all.find((e) => (e.machines.CT ?? 0) > 0 && (e.machines.MR ?? 0) >= 2)!;
    return e2e.api<EstablishmentView>(`${API}/establishments/${site.finess}`);
  }

  let shared = '';
  let sharedCells: string[][] = [];

  it('composes a scenario on a machine, runs it in a worker and shows status quo against it', async () => {
    const { page } = e2e;
    const site = await pooledSite();
    const machine = site.machines.find((m) => m.point.modality === 'MR')!.point;
    const answer = await e2e.api<ModelAnswer>(
      `${API}/simulation/model?machines=${encodeURIComponent(machine.equipmentId)}`,
    );
    expect(answer.model.machines.map((m) => m.equipmentId)).toEqual([machine.equipmentId]);

    await page.goto(e2e.url(`${C}/machines/${encodeURIComponent(machine.equipmentId)}`));
    await page.getByTestId('tab-scenarios').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'scenarios');
    expect(await page.getByTestId('tab-scenarios').getAttribute('aria-current')).toBe('page');
    // The form starts from one change: a Saturday morning session.
    await expect.poll(() => page.getByTestId('scenario-change').count()).toBe(1);
    await page.getByTestId('scenario-name').fill('Samedi matin à l’heure');
    await page.getByTestId('scenario-add-type').selectOption('fix-late-start');
    await page.getByTestId('scenario-add').click();
    await expect.poll(() => page.getByTestId('scenario-change').count()).toBe(2);
    await page.getByTestId('scenario-replications').fill('5');
    await page.getByTestId('scenario-seed').fill('7');
    await page.getByTestId('scenario-run').click();

    await page.getByTestId('scenario-results').waitFor({ timeout: 60_000 });
    // The address carries what ran.
    const { search } = addressOf(page);
    expect(search.get('replications')).toBe('5');
    expect(search.get('seed')).toBe('7');
    expect(decodeScenario(search.get('scenario') ?? '')).toEqual<Scenario>({
      name: 'Samedi matin à l’heure',
      changes: [
        { type: 'add-session', weekdays: [6], start: '08:00', end: '13:00' },
        { type: 'fix-late-start' },
      ],
    });

    // The status quo verdict, and "unreliable" exactly when it does not reproduce.
    const verdict = page.getByTestId('scenario-status-quo');
    const reproduces = (await verdict.getAttribute('data-reproduces')) === 'true';
    expect(await page.getByTestId('scenario-unreliable').count()).toBe(reproduces ? 0 : 1);
    if (!reproduces) expect(await verdict.textContent()).toContain('ne reproduit pas');

    // Figures: the measured occupancy is the model's; each simulated value has its interval.
    const cells = await tableCells(page, 'scenario-figures');
    const occupancy = cells.find((row) => row[0] === 'Occupation des vacations programmées')!;
    const observed = answer.model.observed['occupancy.programmed']!;
    expect(digits(occupancy[1]!)).toBe(digits(String(Math.round(observed * 1000) / 10)));
    // Columns: figure, measured, status quo, scenario, difference, significant.
    expect(occupancy).toHaveLength(6);
    expect(occupancy[2]).toMatch(/%.* à .*%/);
    // the difference of two shares is in percentage points
    expect(occupancy[4]).toMatch(/pt.* à .*pt/);
    expect(['oui', 'non']).toContain(occupancy[5]);
    for (const name of ['scenario-delays', 'scenario-occupancy', 'scenario-overtime'])
      await waitForChart(page, name);
    // The durations report and the next available appointment (no slots in this campaign).
    expect(await page.getByTestId('scenario-durations').count()).toBe(1);
    expect(await page.getByTestId('scenario-next-available').textContent()).toContain('slots.csv');

    shared = page.url();
    sharedCells = cells;
    await e2e.shot('machine-results');
  });

  it('runs a shared link again to the same figures (same seed), and copies it', async () => {
    const { page } = e2e;
    expect(shared).not.toBe('');
    const origin = new URL(shared).origin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(shared);
    await page.getByTestId('scenario-results').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('scenario-name').inputValue()).toBe('Samedi matin à l’heure');
    expect(await page.getByTestId('scenario-change').count()).toBe(2);
    expect(await tableCells(page, 'scenario-figures')).toEqual(sharedCells);

    await page.getByTestId('scenario-copy').click();
    await expect.poll(() => page.getByText('Lien copié.').count()).toBe(1);
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(new URL(copied).searchParams.get('scenario')).toBe(
      new URL(shared).searchParams.get('scenario'),
    );
  });

  it('keeps the page usable during a long run, and cancels it', async () => {
    const { page } = e2e;
    const site = await pooledSite();
    const machine = site.machines.find((m) => m.point.modality === 'MR')!.point;
    await page.goto(
      e2e.url(`${C}/machines/${encodeURIComponent(machine.equipmentId)}?tab=scenarios`),
    );
    await page.getByTestId('scenario-replications').fill('200');
    await page.getByTestId('scenario-run').click();
    await page.getByTestId('scenario-progress').waitFor();
    // The main thread answers at once while the worker computes.
    const started = Date.now();
    await page.getByTestId('scenario-name').fill('Toujours là');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect
      .poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 30_000 })
      .not.toBe('0');
    await e2e.shot('running');
    await page.getByTestId('scenario-cancel').click();
    await expect.poll(() => page.getByText('Simulation annulée.').count()).toBe(1);
    expect(await page.getByTestId('scenario-progress').count()).toBe(0);
    expect(await page.getByTestId('scenario-results').count()).toBe(0);
  });

  it('says which fields are wrong instead of running', async () => {
    const { page } = e2e;
    const site = await pooledSite();
    const machine = site.machines[0]!.point;
    await page.goto(
      e2e.url(`${C}/machines/${encodeURIComponent(machine.equipmentId)}?tab=scenarios`),
    );
    await page.getByTestId('scenario-name').fill('');
    await page.getByTestId('scenario-replications').fill('1');
    await page.getByTestId('scenario-run').click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Donnez un nom au scénario.').count()).toBe(1);
    expect(await page.getByText('Un nombre entier de 2 à 200.').count()).toBe(1);
    expect(await page.getByTestId('scenario-progress').count()).toBe(0);
    expect(addressOf(page).search.get('scenario')).toBeNull();
  });

  it('pools an establishment’s machines of one modality, with a modality switch', async () => {
    const { page } = e2e;
    const site = await pooledSite();
    const mr = site.machines.filter((m) => m.point.modality === 'MR').map((m) => m.point);
    await page.goto(e2e.url(`${C}/establishments/${site.establishment.finess}?lang=en`));
    await page.getByTestId('tab-scenarios').click();
    await page.getByTestId('scenario-modality').waitFor();
    await page.getByTestId('scenario-modality').getByText('MRI').click();
    await page.waitForURL((url) => url.searchParams.get('modality') === 'MR');
    // Every MRI of the site is simulated in one pool, and each can be chosen in a change.
    const pool = await page.getByText('Simulated together, sharing one queue').textContent();
    for (const m of mr) expect(pool).toContain(m.label ?? m.equipmentId);
    const machineChoices = await page
      .getByTestId('scenario-change')
      .locator('select option')
      .allTextContents();
    expect(machineChoices).toEqual(['All machines', ...mr.map((m) => m.label ?? m.equipmentId)]);

    await page.getByTestId('scenario-replications').fill('5');
    await page.getByTestId('scenario-run').click();
    await page.getByTestId('scenario-results').waitFor({ timeout: 60_000 });
    expect(await page.locator('#scenario-results h2').textContent()).toBe(
      'Status quo and scenario “My scenario”',
    );
    await waitForChart(page, 'scenario-delays');
    await e2e.shot('establishment-results');
  });
});
