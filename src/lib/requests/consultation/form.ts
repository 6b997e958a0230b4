/**
 * 法律咨询 (an online legal question): the questions and the one zod schema
 * used by the page script, the function and the tests.
 *
 * Short on purpose: the question, what it is about, where, and how the answer
 * should come. No name is required (a 称呼 is optional, for the call) and no
 * identity number is asked: an answer needs the story, not the person's
 * papers (个人信息保护法第六条: collect the least the purpose needs). The phone
 * is required whatever the channel: the answer is read with receipt and phone.
 */
import { z } from '../../forms/zod.ts';
import {
  choice,
  describeLimits,
  line,
  parseForm,
  phone,
  text,
  town,
  TOWN_OPTIONS,
  type FormDef,
  type FormValues,
} from '../../forms/fields.ts';
import { requestPaths } from '../types.ts';
import type { RequestForm } from '../forms.ts';
import { CHANNEL_OPTIONS, consultation, TOPIC_OPTIONS } from './index.ts';

export const TOPIC_VALUES = TOPIC_OPTIONS.map((o) => o.value) as [string, ...string[]];
export const CHANNELS = ['online', 'phone', 'visit'] as const;
export const CALL_TIMES = ['any', 'morning', 'afternoon'] as const;

const consultationQuestions: FormDef = {
  type: consultation.id,
  title: '法律咨询',
  action: requestPaths(consultation.id).api,
  sections: [
    {
      id: 'question',
      title: '您想咨询什么？',
      fields: [
        {
          name: 'question',
          kind: 'textarea',
          label: '您的问题',
          hint: '用平常的话写：发生了什么事，现在怎么样了，您想知道什么。不必写真实姓名、身份证号码和详细住址。',
          rows: 8,
        },
        { name: 'topic', kind: 'select', label: '问题大概属于哪一类？', short: '问题类别', options: TOPIC_OPTIONS },
        {
          name: 'town',
          kind: 'select',
          label: '您在哪个镇（街）？',
          short: '所在镇（街）',
          hint: '不住在台山的，选事情发生的地方',
          options: TOWN_OPTIONS,
        },
      ],
    },
    {
      id: 'answer',
      title: '怎样答复您',
      fields: [
        { name: 'channel', kind: 'radios', label: '希望怎样得到答复？', short: '答复方式', options: CHANNEL_OPTIONS },
        {
          name: 'phone',
          kind: 'text',
          label: '联系电话',
          hint: '查看网上答复要用这个号码；电话回复和约当面咨询时，工作人员会打这个电话',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'm',
        },
        {
          name: 'callTime',
          kind: 'radios',
          label: '什么时间方便接电话？',
          short: '方便接电话的时间',
          need: '选电话回复或当面咨询的请选',
          options: [
            { value: 'any', label: '工作时间都可以' },
            { value: 'morning', label: '上午' },
            { value: 'afternoon', label: '下午' },
          ],
          showIf: { field: 'channel', values: ['phone', 'visit'] },
        },
        {
          name: 'caller',
          kind: 'text',
          label: '怎么称呼您？',
          short: '称呼',
          hint: '例如：陈女士、李伯。不想留的可以不填',
          optional: true,
          width: 'm',
        },
      ],
    },
  ],
};

export const consultationSchema = z
  .object({
    question: text('您的问题', 10, 2000),
    topic: choice(TOPIC_VALUES, '问题的类别'),
    town: town('您所在的镇（街）'),
    channel: choice(CHANNELS, '希望怎样得到答复'),
    phone: phone(),
    callTime: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
      z.enum(CALL_TIMES, { error: '方便接电话的时间不在可选范围内，请从列表中重新选择' }).optional(),
    ),
    caller: line('称呼', 1, 20, false),
  })
  .superRefine(
    (v, ctx) => {
      if ((v.channel === 'phone' || v.channel === 'visit') && !v.callTime)
        ctx.addIssue({ code: 'custom', path: ['callTime'], message: '请选择方便接电话的时间' });
    },
    { when: () => true },
  );

/** The questions with the schema's length limits in their hints (one source for both). */
export const consultationForm: FormDef = describeLimits(consultationQuestions, consultationSchema);

export type ConsultationInput = z.input<typeof consultationSchema>;
export type Consultation = z.output<typeof consultationSchema>;

export function parseConsultation(values: FormValues) {
  return parseForm(consultationForm, consultationSchema, values);
}

export const consultationRequestForm: RequestForm<Consultation> = {
  def: consultationForm,
  parse: parseConsultation,
  routing: (c) => ({ town: c.town, category: c.topic, phone: c.phone ?? '' }),
};
