// The duration model on a sample of the synthetic national campaign (every 20th machine), each
// machine on its own: P80 coverage near 0.8, better than the machine's plain median, and —
// a property of the generator, which books each exam from its own exact duration (±20 %) — the
// booked lengths closer to the real durations than any model of what is known at booking.
import { describe, expect, it } from 'vitest';
import { generateMachine, planCampaign } from '../../../src/generate/national-campaign.ts';
import { durationModelReport } from '../../../src/plan/durations/report.ts';
import { predictedSlotMinutesOf } from '../../../src/plan/durations/slots.ts';

describe('durations on the synthetic national campaign', () => {
  it('reports held-out MAE and P80 coverage per machine', () => {
    const plan = planCampaign({ seed: 2010 });
    const sum = {
      exams: 0,
      model: 0,
      naive: 0,
      covered: 0,
      booked: 0,
      bookedAbs: 0,
      modelOnBookedAbs: 0,
      modelWins: 0,
      machines: 0,
    };
    const chosen: Record<string, number> = {};
    for (let i = 0; i < plan.machines.length; i += 20) {
      const input = {
        campaign: plan.campaign,
        equipment: [plan.equipment[i]!],
        exams: generateMachine(plan, i).exams,
      };
      const r = durationModelReport(input);
      const naive = durationModelReport(input, {
        variants: [{ id: 'machine', levels: [['machine']] }],
      });
      const h = r.heldOut;
      expect(h.exams).toBeGreaterThan(0);
      expect(naive.heldOut.exams).toBe(h.exams);
      sum.machines++;
      sum.exams += h.exams;
      sum.model += h.modelMaeMinutes! * h.exams;
      sum.naive += naive.heldOut.modelMaeMinutes! * h.exams;
      sum.covered += h.p80Coverage! * h.exams;
      sum.booked += h.bookedExams;
      sum.bookedAbs += (h.bookedMaeMinutes ?? 0) * h.bookedExams;
      sum.modelOnBookedAbs += (h.modelMaeOnBookedMinutes ?? 0) * h.bookedExams;
      if (h.better === 'model') sum.modelWins++;
      chosen[r.variant] = (chosen[r.variant] ?? 0) + 1;
      for (const s of r.slots) {
        expect(s.minutes % 5).toBe(0);
        expect(s.minutes).toBeGreaterThanOrEqual(5);
      }
      expect(
        predictedSlotMinutesOf(r, [input.equipment[0]!.equipmentId])['*'],
      ).toBeGreaterThanOrEqual(5);
    }
    const figures = {
      machines: sum.machines,
      exams: sum.exams,
      modelMae: sum.model / sum.exams,
      machineMedianMae: sum.naive / sum.exams,
      p80Coverage: sum.covered / sum.exams,
      bookedExams: sum.booked,
      bookedMae: sum.bookedAbs / sum.booked,
      modelMaeOnBooked: sum.modelOnBookedAbs / sum.booked,
      machinesWhereModelWins: sum.modelWins,
      chosen,
    };
    console.log('durations, synthetic national sample:', JSON.stringify(figures));
    expect(figures.machines).toBe(26);
    expect(figures.p80Coverage).toBeGreaterThan(0.7);
    expect(figures.p80Coverage).toBeLessThan(0.9);
    // family and category tell something: better than one median per machine
    expect(figures.modelMae).toBeLessThan(figures.machineMedianMae);
    // the generator's booked lengths are drawn from each exam's own duration
    expect(figures.bookedMae).toBeLessThan(figures.modelMaeOnBooked);
  });
});
