/**
 * “方便接电话的时间” for callers abroad: the caller's own clock (a zone of
 * CALLBACK_ZONES, 北京时间 unless they choose another) and a part of their
 * day. Shared by both application forms: the two questions, their schema
 * and the one rule between them. Three parts of the day rather than typed
 * hours: a tap for an older reader, no format to get wrong, no script needed.
 * Staff read it in Beijing time through callbackWords (src/lib/staff/).
 */
import type * as z from './zod.ts';
import { CALLBACK_ZONES } from '../time.ts';
import type { FieldDef } from './definitions.ts';
import { optionalChoice, requireWhen } from './fields.ts';

export const BEIJING_ZONE = 'Asia/Shanghai';

/** Hours on the caller's own clock; the labels say them the way people do. */
export const CALLBACK_WINDOWS = [
  { value: 'morning', label: '上午（9点到12点）', from: 9, to: 12 },
  { value: 'afternoon', label: '下午（2点到6点）', from: 14, to: 18 },
  { value: 'evening', label: '晚上（7点到10点）', from: 19, to: 22 },
] as const;

const ZONE_IDS = CALLBACK_ZONES.map((z) => z.zone) as unknown as readonly [string, ...string[]];
const WINDOW_IDS = CALLBACK_WINDOWS.map((w) => w.value) as unknown as readonly [string, ...string[]];

export const callbackFields: FieldDef[] = [
  {
    name: 'callbackZone',
    kind: 'select',
    label: '您在哪里接电话？',
    short: '接电话的地方',
    hint: '在国外或者港澳的，请选您所在的地方，下一题就按您当地的钟点回答，工作人员会换算成北京时间。',
    initial: BEIJING_ZONE,
    optional: true,
    options: CALLBACK_ZONES.map((z) => ({ value: z.zone, label: z.label })),
  },
  {
    name: 'callbackWindow',
    kind: 'radios',
    label: '按您当地的时间，什么时候方便接电话？',
    short: '方便接电话的时间',
    need: '在国外或者港澳的请选',
    options: CALLBACK_WINDOWS.map((w) => ({ value: w.value, label: w.label })),
  },
];

export const callbackShape = {
  callbackZone: optionalChoice(ZONE_IDS, '接电话的地方'),
  callbackWindow: optionalChoice(WINDOW_IDS, '方便接电话的时间'),
};

/** A caller abroad who named their place but not a time would be called at a Beijing hour: ask for one. */
export function checkCallback(v: { callbackZone?: string; callbackWindow?: string }, ctx: z.core.$RefinementCtx): void {
  requireWhen(
    v,
    ctx,
    'callbackWindow',
    v.callbackZone !== undefined && v.callbackZone !== BEIJING_ZONE,
    '您选了在国外或港澳接电话，请再选按当地时间什么时候方便接电话（上午、下午或晚上）',
  );
}
