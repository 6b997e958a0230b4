/**
 * The 江门市 income figures the legal-aid hardship standard is measured against
 * (content/data/legal-aid-standard.yaml), as the eligibility check reads them.
 * While no official figure is recorded the collection is empty and Astro logs
 * one warning (“does not exist or is empty”): expected, and the page says the
 * amount is not yet confirmed.
 */
import { getCollection } from 'astro:content';
import type { IncomeFigure } from '../lib/forms/eligibility.ts';

export async function getIncomeFigures(): Promise<IncomeFigure[]> {
  const entries = await getCollection('legalAidStandard');
  return entries.map((e) => ({ year: Number(e.id), ...e.data }));
}
