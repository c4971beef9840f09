import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { listContacts } from '../../src/app/customers/contacts.service';
import { getCustomer } from '../../src/app/customers/customers.service';
import { listFacts } from '../../src/app/facts/facts.service';
import { chooseOption, clickUntil, useBrowserSuite } from '../support/browser';
import { AGENT, seedDuplicatePair, seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** antd puts a space between the two characters of a two-character Chinese button label. */
const button = (label: string) => new RegExp([...label].join('\\s?'));

let ids: Map<string, number>;
const idOf = (code: string) => {
  const id = ids.get(code);
  if (!id) throw new Error(`no customer ${code}`);
  return id;
};

describe('customer 360, duplicates, custom fields and export in Chromium', {
  timeout: 90_000,
}, () => {
  let pair: { olderId: number; newerId: number };
  const suite = useBrowserSuite(async (deps) => {
    ids = await seedWebData(deps);
    pair = await seedDuplicatePair(deps);
  });

  it('adds a contact: the admin sees it in full, a service agent masked', async () => {
    const id = idOf('KH-1004');
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${id}`);
      await page.getByRole('heading', { name: /杭州青禾食品有限公司/ }).waitFor();
      await page.getByText('暂无联系人').waitFor();

      await page.getByRole('button', { name: /添加联系人/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('姓名').fill('陈静');
      await dialog.getByLabel('职务').fill('采购总监');
      await dialog.getByLabel('电话').fill('138 1234 5678');
      await dialog.getByLabel('邮箱').fill('chenjing@qinghe.example.cn');
      await dialog.getByRole('button', { name: button('保存') }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('cell', { name: '138 1234 5678' }).waitFor();
      await page.getByRole('cell', { name: 'chenjing@qinghe.example.cn' }).waitFor();
      await page.getByRole('cell', { name: /主要联系人/ }).waitFor();
      expect(await page.getByTestId('contacts-masked-hint').count()).toBe(0);

      // An address whose district does not resolve gets the server's word on that field.
      await page.getByRole('button', { name: /添加地址/ }).click();
      await dialog.getByLabel('省份').fill('浙江省');
      await dialog.getByLabel('城市').fill('杭州市');
      await dialog.getByLabel('区县').fill('不存在区');
      await dialog.getByLabel('详细地址').fill('文三路 90 号');
      await dialog.getByRole('button', { name: button('保存') }).click();
      await dialog
        .getByText(/不存在区.*is not a known division/)
        .first()
        .waitFor();
      await dialog.getByLabel('区县').fill('西湖区');
      await dialog.getByRole('button', { name: button('保存') }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '330106' }).waitFor();
    });

    await suite.asUser(AGENT.username, AGENT.password, async (page) => {
      await page.goto(`/customers/${id}`);
      await page.getByRole('cell', { name: /陈静/ }).waitFor();
      await page.getByRole('cell', { name: '138****5678' }).waitFor();
      await page.getByTestId('contacts-masked-hint').waitFor();
      expect(await page.getByText('138 1234 5678').count()).toBe(0);
      expect(await page.getByText('chenjing@qinghe.example.cn').count()).toBe(0);
      // Read-only: nothing to add, edit or record.
      expect(await page.getByRole('button', { name: /添加联系人/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /记录订单/ }).count()).toBe(0);
    });

    const [stored] = await listContacts(suite.deps(), systemCtx(), id);
    expect(stored).toMatchObject({ name: '陈静', isPrimary: true, phone: '138 1234 5678' });
  });

  it('records an order and shows it on the timeline with the money formatted', async () => {
    const id = idOf('KH-1001');
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${id}`);
      await page.getByRole('heading', { name: /上海宏达机械有限公司/ }).waitFor();
      await page.getByText('还没有任何记录').waitFor();

      await page.getByRole('button', { name: /记录订单/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('下单日期').fill('2026-03-16');
      await dialog.getByLabel('订单号').fill('SO-2026-0316');
      await dialog.getByLabel('金额').fill('1,234.5');
      await dialog.getByLabel('产品').fill('数控机床主轴');
      await dialog.getByRole('button', { name: button('保存') }).click();
      await dialog.waitFor({ state: 'detached' });

      const timeline = page.getByTestId('customer-timeline');
      await timeline.getByText('SO-2026-0316 数控机床主轴').waitFor();
      expect(await timeline.getByTestId('timeline-amount').textContent()).toBe('¥1,234.50');
      await timeline.getByText('2026-03-16').waitFor();
      await page.getByRole('cell', { name: '¥1,234.50' }).waitFor();

      // The kind filter hides what is not asked for.
      await chooseOption(
        page,
        page.getByLabel('按类型筛选'),
        '拜访',
        page.getByText('所选类型暂无记录'),
      );
    });
    const orders = await listFacts(suite.deps(), systemCtx(), 'orders', id);
    expect(orders.items).toMatchObject([
      { orderNo: 'SO-2026-0316', orderedOn: '2026-03-16', amountMinor: 123450, currency: 'CNY' },
    ]);
  });

  it('merges two duplicates from the duplicates page', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.getByRole('button', { name: /重复客户/ }).click();
      await page.waitForURL(/\/customers\/duplicates$/);
      const row = page.getByRole('row', { name: /苏州恒通精密模具有限责任公司/ });
      await row.getByText('名称相同').waitFor();
      await row.getByText('联系人电话相同').waitFor();

      await row.getByRole('button', { name: /合\s?并/ }).click();
      const dialog = page.getByRole('dialog');
      // Side by side: the older record keeps its values and takes the other's source.
      await dialog.getByRole('cell', { name: '展会' }).first().waitFor();
      await dialog
        .getByRole('radio', { name: /保\s?留/ })
        .first()
        .waitFor();
      await dialog.getByRole('button', { name: '确认合并' }).click();

      await dialog.getByText('已将 KH-3002 合并到 KH-3001').waitFor();
      const moved = dialog.getByTestId('merge-moved');
      await moved.getByText('联系人').waitFor();
      await dialog.getByRole('button', { name: '查看保留的客户' }).click();
      await page.waitForURL(new RegExp(`/customers/${pair.olderId}$`));
      await page.getByRole('cell', { name: '华东展会' }).waitFor();

      // The merged-away record says where its history went.
      await page.goto(`/customers/${pair.newerId}`);
      await page.getByText('该客户已被合并').waitFor();
      await page.getByRole('link', { name: /苏州恒通精密模具有限公司/ }).click();
      await page.waitForURL(new RegExp(`/customers/${pair.olderId}$`));
    });
    expect(await getCustomer(suite.deps(), systemCtx(), pair.newerId)).toMatchObject({
      status: 'merged',
      mergedIntoId: pair.olderId,
    });
    const survivor = await getCustomer(suite.deps(), systemCtx(), pair.olderId);
    expect(survivor).toMatchObject({ source: '展会', industry: '模具制造' });
    expect([...survivor.tags].sort()).toEqual(['华东展会', '重点客户'].sort());
    expect(await listContacts(suite.deps(), systemCtx(), pair.olderId)).toHaveLength(2);
  });

  it('defines a custom field in settings and fills it on a customer', async () => {
    const id = idOf('KH-1005');
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.getByRole('menuitem', { name: /设置/ }).click();
      await page.getByRole('tab', { name: '自定义字段' }).click();
      await page.getByText('还没有自定义字段').waitFor();

      await page.getByRole('button', { name: /新建字段/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('字段标识').fill('channel');
      await chooseOption(
        page,
        dialog.getByLabel('类型'),
        '单选',
        dialog.getByRole('button', { name: /添加选项/ }),
      );
      await dialog.getByLabel('中文名称', { exact: true }).fill('销售渠道');
      await dialog.getByLabel('英文名称', { exact: true }).fill('Sales channel');
      for (const [value, zh, en] of [
        ['direct', '直销', 'Direct'],
        ['dealer', '经销', 'Dealer'],
      ] as const) {
        await dialog.getByRole('button', { name: /添加选项/ }).click();
        await dialog.getByLabel('选项值').last().fill(value);
        await dialog.getByLabel('选项中文名称').last().fill(zh);
        await dialog.getByLabel('选项英文名称').last().fill(en);
      }
      await dialog.getByRole('button', { name: button('保存') }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'channel', exact: true }).waitFor();

      await page.goto(`/customers/${id}`);
      await page.getByRole('heading', { name: /成都天府医疗器械有限公司/ }).waitFor();
      const drawer = page.getByRole('dialog');
      await clickUntil(
        page.getByRole('button', { name: button('编辑') }),
        drawer.getByLabel('统一社会信用代码'),
      );
      // A credit code with a wrong check character is refused on its field.
      await drawer.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
      await drawer.getByRole('button', { name: button('保存') }).click();
      await drawer.getByText(/统一社会信用代码无效: wrong check character/).waitFor();
      await drawer.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
      // The choice shows in the closed select (the option list lives outside the drawer).
      await chooseOption(
        page,
        drawer.getByLabel('销售渠道'),
        '经销',
        drawer.getByTitle('经销', { exact: true }),
      );
      await drawer.getByRole('button', { name: button('保存') }).click();
      await drawer.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '经销' }).waitFor();

      // Labels follow the UI language.
      await page.getByText('English', { exact: true }).click();
      await page.getByText('Sales channel').waitFor();
      await page.getByRole('cell', { name: 'Dealer' }).waitFor();
    });
    expect(await getCustomer(suite.deps(), systemCtx(), id)).toMatchObject({
      customFields: { channel: 'dealer' },
      creditCode: '91350100M000100Y43',
    });
  });

  it('filters the customer list and exports what the filters select as CSV', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.getByRole('cell', { name: 'KH-1001' }).waitFor();

      // A tag filter, fed by the tags in use.
      await chooseOption(
        page,
        page.getByRole('combobox', { name: '标签', exact: true }),
        '重点客户 (1)',
        page.getByText('共 1 个客户'),
      );
      await page.waitForURL(/tag=/);
      await page.getByText('共 1 个客户').waitFor();
      await page.getByRole('cell', { name: 'KH-3001' }).waitFor();
      await page.getByRole('button', { name: /清除筛选/ }).click();
      await page.getByRole('cell', { name: 'KH-1001' }).waitFor();

      await chooseOption(
        page,
        page.getByRole('combobox', { name: '客户类型' }),
        '集团',
        page.getByText('共 2 个客户'),
      );
      await page.waitForURL(/type=group/);
      await page.getByText('共 2 个客户').waitFor();
      await page.getByRole('cell', { name: '广州南方物流集团' }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /导出 CSV/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('customers.csv');
      expect(download.url()).toContain('type=group');
      expect(download.url()).toContain('lang=zh-CN');
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toContain('客户编码');
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(['KH-1003', 'KH-1012']);
    });
  });
});
