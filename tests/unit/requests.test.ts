/**
 * The request-type registry is complete: every registered kind of request has
 * what the site needs to take it, and the test names the missing piece — a
 * start page, a form, labels, statistics categories, the texts the resident
 * reads. Its route is checked with the functions (tests/functions/routing.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFields } from '../../src/lib/forms/definitions.ts';
import { LOADABLE_KINDS, loadRequestForm } from '../../src/components/ApplyForm/kind-form.ts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';
import { parseReceipt, formatReceipt } from '../../src/lib/requests/receipt.ts';
import { REQUEST_TYPES, requestTypeByPrefix } from '../../src/lib/requests/registry.ts';
import { STATUSES } from '../../src/lib/requests/status.ts';
import { startPageOf } from '../../src/lib/requests/start-pages.ts';
import { requestPaths } from '../../src/lib/requests/types.ts';
import { WORK_LINE_IDS } from '../../src/lib/taxonomy.ts';

const root = join(import.meta.dirname, '..', '..');

describe.each(REQUEST_TYPES.map((t) => [t.id, t] as const))('request type %s', (id, t) => {
  it('has a start page (src/pages/apply/<id>/, or its own section)', () => {
    const page = join('src', 'pages', ...requestPaths(id).start.split('/').filter(Boolean), 'index.astro');
    expect(existsSync(join(root, page)), page).toBe(true);
  });
  it('says what its start page is called, where search files it and what it offers (startPage in its index.ts)', () => {
    const page = startPageOf(id);
    expect(page.title).toMatch(/\p{Script=Han}/u);
    expect(WORK_LINE_IDS).toContain(page.workLine);
    expect(page.description).toMatch(/\p{Script=Han}/u);
  });
  it('has a form whose definition names it, with a parser and routing', () => {
    const form = REQUEST_FORMS[id];
    expect(form, `REQUEST_FORMS['${id}'] in src/lib/requests/forms.ts`).toBeDefined();
    expect(form.def.type).toBe(id);
    expect(form.def.action).toBe(requestPaths(id).api);
    expect(allFields(form.def).length).toBeGreaterThan(0);
  });
  it('has a form the form page can load on its own (requestForm in src/lib/requests/<id>/form.ts)', async () => {
    expect(LOADABLE_KINDS).toContain(id);
    const form = await loadRequestForm(id);
    expect(form?.def.type).toBe(id);
  });
  it('has every label, in Chinese', () => {
    for (const [k, v] of Object.entries(t.labels)) expect(v, `labels.${k}`).toMatch(/\p{Script=Han}/u);
    expect(t.labels.request).toContain(t.labels.name);
  });
  it('has a receipt prefix of its own that receipts round-trip through', () => {
    expect(t.receiptPrefix).toMatch(/^[A-Z]{2}$/);
    expect(requestTypeByPrefix(t.receiptPrefix)?.id).toBe(id);
    const receipt = formatReceipt(id, new Date('2026-11-27T02:00:00Z'), '7K3Q9P');
    expect(parseReceipt(receipt)).toBe(receipt);
  });
  it('has statuses from the common list, starting with 已收到, that staff may set', () => {
    expect(t.statuses[0]).toBe('已收到');
    expect(t.statuses).toContain('已撤回');
    for (const s of t.statuses) expect(STATUSES).toContain(s);
    expect(t.staffStatuses.length).toBeGreaterThan(0);
    for (const s of t.staffStatuses) expect(t.statuses).toContain(s);
    for (const s of t.decision?.decidedBy ?? []) expect(t.statuses).toContain(s);
  });
  it('has statistics categories that are the values its form asks for', () => {
    expect(t.category.label).toMatch(/\p{Script=Han}/u);
    expect(t.category.options.length).toBeGreaterThan(1);
    const categoryField = allFields(REQUEST_FORMS[id].def).find((f) => f.options === t.category.options);
    expect(categoryField, `a field of the ${id} form offers category.options`).toBeDefined();
  });
  it('routes a valid request to a town and one of its categories', () => {
    const field = allFields(REQUEST_FORMS[id].def).find((f) => f.options === t.category.options)!;
    const routing = REQUEST_FORMS[id].routing({ [field.name]: t.category.options[0]!.value });
    expect(t.category.options.map((o) => o.value)).toContain(routing.category);
  });
  it('tells the resident what happens next and how their data is handled', () => {
    expect(t.nextSteps.length).toBeGreaterThan(0);
    expect(t.privacy.collects.length).toBeGreaterThan(0);
    for (const k of ['purpose', 'sensitive', 'whoSees', 'archive'] as const)
      expect(t.privacy[k], `privacy.${k}`).not.toBe('');
    expect(t.commonMaterials.length).toBeGreaterThan(0);
  });
});

describe('registry', () => {
  it('has unique ids and receipt prefixes', () => {
    expect(new Set(REQUEST_TYPES.map((t) => t.id)).size).toBe(REQUEST_TYPES.length);
    expect(new Set(REQUEST_TYPES.map((t) => t.receiptPrefix)).size).toBe(REQUEST_TYPES.length);
  });
});
