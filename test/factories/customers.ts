import type { CreateCustomerInput } from '../../src/domain/customers/customer.schema';

let seq = 0;

/** A valid customer input; override any field. Codes are unique within a test run. */
export function customerInput(over: Partial<CreateCustomerInput> = {}): CreateCustomerInput {
  seq += 1;
  return {
    code: `C${String(seq).padStart(6, '0')}`,
    name: `测试客户${seq}有限公司`,
    type: 'enterprise',
    industry: '制造业',
    region: '华东',
    province: '上海市',
    city: '上海市',
    size: 'medium',
    ...over,
  };
}
