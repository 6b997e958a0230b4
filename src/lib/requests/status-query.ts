/**
 * The status lookup's two fields, checked the same way in the browser and in
 * /api/status. Only the format is checked here; whether the pair exists is the
 * server's business, and it answers “not found” the same way for both misses.
 */
import type { FieldError, FormValues } from '../forms/definitions.ts';
import { checkPhone, PHONE_MESSAGES } from '../forms/phone.ts';
import { EXAMPLE_RECEIPT, parseReceipt } from './receipt.ts';

export function checkStatusQuery(values: FormValues): { receipt?: string; phone?: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rawReceipt = typeof values.receipt === 'string' ? values.receipt : '';
  const rawPhone = typeof values.phone === 'string' ? values.phone : '';
  const receipt = parseReceipt(rawReceipt);
  if (!rawReceipt.trim()) errors.push({ field: 'receipt', message: '请填写回执号' });
  else if (!receipt)
    errors.push({
      field: 'receipt',
      message: `回执号的格式不对，应该像 ${EXAMPLE_RECEIPT} 这样：两个字母、8位日期和12位字母数字`,
    });
  const phone = checkPhone(rawPhone);
  if (!phone.ok)
    errors.push({
      field: 'phone',
      message: phone.problem === 'empty' ? '请填写提交申请时留的联系电话' : PHONE_MESSAGES[phone.problem],
    });
  return { receipt, phone: phone.ok ? phone.value : undefined, errors };
}
