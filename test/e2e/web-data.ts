import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { addContact } from '../../src/app/customers/contacts.service';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import type { CreateCustomerInput } from '../../src/domain/customers/customer.schema';
import { customerInput } from '../factories/customers';

/**
 * Customers that look like a real book of business, for the browser test and screenshot:
 * code | name | type | industry | region | province | city | size ('-' for none).
 */
const CUSTOMERS = `
KH-1001|上海宏达机械有限公司|enterprise|机械制造|华东|上海市|上海市|large
KH-1002|北京瑞丰科技股份有限公司|enterprise|信息技术|华北|北京市|北京市|medium
KH-1003|广州南方物流集团|group|物流|华南|广东省|广州市|large
KH-1004|杭州青禾食品有限公司|enterprise|食品饮料|华东|浙江省|杭州市|small
KH-1005|成都天府医疗器械有限公司|enterprise|医疗器械|西南|四川省|成都市|medium
KH-1006|武汉长江建材有限公司|enterprise|建材|华中|湖北省|武汉市|medium
KH-1007|张伟|individual|零售|华东|江苏省|南京市|micro
KH-1008|深圳前海智联电子有限公司|enterprise|电子元器件|华南|广东省|深圳市|large
KH-1009|西安秦川汽车配件有限公司|enterprise|汽车零部件|西北|陕西省|西安市|small
KH-1010|集团财务共享中心|internal|内部服务|华东|上海市|上海市|-
KH-1011|青岛海岸港口服务有限公司|enterprise|港口物流|华东|山东省|青岛市|medium
KH-1012|沈阳北方重工集团|group|装备制造|东北|辽宁省|沈阳市|large
`
  .trim()
  .split('\n')
  .map((line) => {
    const cells = line.split('|');
    if (cells.length !== 8) throw new Error(`bad customer row: ${line}`);
    const [code = '', name = '', type, industry, region, province, city, size] = cells;
    return {
      code,
      name,
      type: type as CreateCustomerInput['type'],
      industry,
      region,
      province,
      city,
      size: size === '-' ? null : (size as CreateCustomerInput['size']),
    };
  });

export const AGENT = { username: 'liqiang', password: 'Liqiang-pass-1' };

/**
 * Seeds two users (an account manager who owns most customers, and a service agent who may
 * only read) and the customers above. Returns the customers' ids by code.
 */
export async function seedWebData(deps: Deps): Promise<Map<string, number>> {
  const ctx = systemCtx();
  const owner = await createUser(deps, ctx, {
    username: 'wangfang',
    displayName: '王芳',
    password: 'Wangfang-pass-1',
    roleId: 'account_manager',
    region: '华东',
  });
  await createUser(deps, ctx, {
    username: AGENT.username,
    displayName: '李强',
    password: AGENT.password,
    roleId: 'service_agent',
  });
  const ids = new Map<string, number>();
  for (const [i, row] of CUSTOMERS.entries()) {
    // Every third customer has no owner yet, as in a real book of business.
    const ownerId = i % 3 === 2 ? null : owner.id;
    const c = await createCustomer(deps, ctx, customerInput({ ...row, ownerId }));
    ids.set(c.code, c.id);
  }
  return ids;
}

/**
 * Two records of one company, as a second import or a hurried colleague leaves them: the same
 * name once with 有限公司 and once with 有限责任公司, and the same buyer's phone on both.
 * Returns their ids, the older one first.
 */
export async function seedDuplicatePair(deps: Deps): Promise<{ olderId: number; newerId: number }> {
  const ctx = systemCtx();
  const older = await createCustomer(
    deps,
    ctx,
    customerInput({
      code: 'KH-3001',
      name: '苏州恒通精密模具有限公司',
      industry: '模具制造',
      province: '江苏省',
      city: '苏州市',
      tags: ['重点客户'],
    }),
  );
  const newer = await createCustomer(
    deps,
    ctx,
    customerInput({
      code: 'KH-3002',
      name: '苏州恒通精密模具有限责任公司',
      industry: null,
      source: '展会',
      tags: ['华东展会'],
    }),
  );
  await addContact(deps, ctx, older.id, { name: '周磊', phone: '139 0512 6688' });
  await addContact(deps, ctx, newer.id, {
    name: '周磊',
    phone: '+86 13905126688',
    title: '采购经理',
  });
  return { olderId: older.id, newerId: newer.id };
}

/**
 * A customer file as a Chinese ERP exports it: Chinese headers, one update of a seeded customer
 * (KH-1001), two new customers, and row 4 without a name (rejected).
 */
export const CUSTOMER_IMPORT_CSV = [
  '客户编码,客户名称,客户类型,省份,城市,电话',
  'KH-2001,南京紫金山软件有限公司,企业,江苏省,南京市,025-8888 1234',
  'KH-2002,厦门鹭岛海产贸易有限公司,企业,福建省,厦门市,0592-5556677',
  'KH-2003,,企业,浙江省,宁波市,',
  'KH-1001,上海宏达机械有限公司,企业,上海市,上海市,021-6666 8888',
].join('\r\n');

/** Customers in the column order of another system, for the GBK file (as Chinese Excel saves it). */
export const GBK_IMPORT_ROWS = [
  ['客户名称', '客户编码', '行业', '省份'],
  ['哈尔滨冰城乳业有限公司', 'KH-4001', '食品饮料', '黑龙江省'],
  ['昆明滇池花卉园艺有限公司', 'KH-4002', '农业', '云南省'],
];
