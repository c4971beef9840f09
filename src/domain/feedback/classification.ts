/**
 * The classes feedback is sorted into so that it can be counted and tracked to action
 * (service-desk issue, "Feedback and satisfaction").
 */
export const FEEDBACK_CLASSES = [
  'service_quality',
  'product_function',
  'delivery',
  'price',
  'billing',
  'staff_attitude',
  'other',
] as const;
export type FeedbackClass = (typeof FEEDBACK_CLASSES)[number];

/** Display names of each class, in both product languages. */
export const FEEDBACK_CLASS_NAMES: Record<FeedbackClass, { zh: string; en: string }> = {
  service_quality: { zh: '服务质量', en: 'Service quality' },
  product_function: { zh: '产品功能', en: 'Product function' },
  delivery: { zh: '交付与物流', en: 'Delivery' },
  price: { zh: '价格', en: 'Price' },
  billing: { zh: '账单与开票', en: 'Billing' },
  staff_attitude: { zh: '人员态度', en: 'Staff attitude' },
  other: { zh: '其他', en: 'Other' },
};

/** The class list with names, for pickers and the API. */
export function feedbackClassList() {
  return FEEDBACK_CLASSES.map((id) => ({ id, name: FEEDBACK_CLASS_NAMES[id] }));
}
