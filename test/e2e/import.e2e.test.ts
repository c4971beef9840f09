import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { getCustomerByCode } from '../../src/app/customers/customers.service';
import { chooseOption, openDropdown, useBrowserSuite } from '../support/browser';
import { CUSTOMER_IMPORT_CSV, GBK_IMPORT_ROWS, seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** antd puts a space between the two characters of a two-character Chinese button label. */
const button = (label: string) => new RegExp([...label].join('\\s?'));

/** The text of a count card (antd formats the number inside the card). */
async function count(page: Page, key: string): Promise<string> {
  const text = await page.getByTestId(`import-count-${key}`).textContent();
  return (text ?? '').replace(/\D/g, '');
}

/** The option list of the select that is open now (closed ones linger hidden in the page). */
describe('import wizard in Chromium', { timeout: 90_000 }, () => {
  const suite = useBrowserSuite(seedWebData);

  it('uploads a CSV with Chinese headers, dry-runs, commits the valid rows and lists the new customers', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.getByRole('button', { name: button('导入') }).click();
      await page.waitForURL(/\/customers\/import$/);
      await page.getByText('还没有导入记录').waitFor();

      // Step 1: customers is the default target; the file goes up as it is.
      await page.getByRole('radio', { name: /客户档案/ }).waitFor();
      await page.locator('input[type=file]').setInputFiles({
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CUSTOMER_IMPORT_CSV, 'utf8'),
      });

      // Step 2: every column is matched from its Chinese header, with the match shown.
      const mapping = page.getByTestId('import-mapping');
      const nameRow = mapping.getByRole('row', { name: /^客户名称/ });
      await nameRow.getByTitle('客户名称 *', { exact: true }).waitFor();
      await nameRow.getByText(/^\d+%$/).waitFor();
      expect(await nameRow.textContent()).toContain('南京紫金山软件有限公司');
      await mapping
        .getByRole('row', { name: /^客户编码/ })
        .getByTitle('客户编码 *', { exact: true })
        .waitFor();
      await mapping
        .getByRole('row', { name: /^电话/ })
        .getByTitle('电话', { exact: true })
        .waitFor();
      expect(await page.getByTestId('import-missing-required').count()).toBe(0);

      // A required field without a column blocks the dry run and says which field is missing.
      const codeRow = mapping.getByRole('row', { name: /^客户编码/ });
      // The option list is virtual: type to find a field further down.
      await codeRow.getByRole('combobox').click();
      await codeRow.getByRole('combobox').fill('联系人');
      await openDropdown(page).getByTitle('联系人', { exact: true }).click();
      await page
        .getByTestId('import-missing-required')
        .getByText(/客户编码/)
        .waitFor();
      expect(await page.getByRole('button', { name: /开始试运行/ }).isDisabled()).toBe(true);
      await codeRow.getByRole('combobox').click();
      await codeRow.getByRole('combobox').fill('客户编码');
      await openDropdown(page).getByTitle('客户编码 *', { exact: true }).click();
      await page.getByTestId('import-missing-required').waitFor({ state: 'detached' });

      // Saved for next time.
      await page.getByRole('button', { name: /保存对应关系/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('ERP 客户导出');
      await dialog.getByRole('button', { name: button('保存') }).click();
      await page.getByText('已保存为「ERP 客户导出」').waitFor();

      // Step 3: the dry run counts what a commit would do and names the bad row's cell.
      await page.getByRole('button', { name: /开始试运行/ }).click();
      await page.getByTestId('import-counts').waitFor();
      expect(await count(page, 'rowsTotal')).toBe('4');
      expect(await count(page, 'created')).toBe('2');
      expect(await count(page, 'updated')).toBe('1');
      expect(await count(page, 'rejected')).toBe('1');
      const issue = page.getByTestId('import-issues').getByRole('row', { name: /客户名称/ });
      expect(await issue.getByRole('cell').first().textContent()).toBe('4');
      await page.getByRole('link', { name: /下载错误报告/ }).waitFor();

      // Nothing was written by the dry run.
      await expect(getCustomerByCode(suite.deps(), systemCtx(), 'KH-2001')).rejects.toThrow();

      // Step 4: all-or-nothing would write nothing, so only the valid rows can be committed.
      await page.getByRole('button', { name: /下一步：提交/ }).click();
      expect(await page.getByRole('radio', { name: /^全部或全不/ }).isDisabled()).toBe(true);
      expect(await page.getByRole('radio', { name: /^仅导入有效行/ }).isChecked()).toBe(true);
      await page.getByText(/1 行出错的数据连同原因可下载为文件/).waitFor();
      await page.getByRole('button', { name: /提交导入/ }).click();
      await page.getByTestId('import-outcome').getByText('导入完成：写入 3 条记录').waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /下载被拒绝的行/ }).click(),
      ]);
      const rejected = readFileSync(await download.path(), 'utf8');
      expect(rejected).toContain('KH-2003');
      expect(rejected).not.toContain('KH-2001');

      // The history lists the dry run and the commit.
      const history = page.getByTestId('import-history');
      await history.getByRole('row', { name: /仅导入有效行.*已提交/ }).waitFor();
      await history
        .getByRole('row', { name: /试运行/ })
        .first()
        .waitFor();

      await page.getByRole('button', { name: /查看客户列表/ }).click();
      await page.waitForURL(/\/customers$/);
      await page.getByRole('cell', { name: '南京紫金山软件有限公司' }).waitFor();
      await page.getByRole('cell', { name: '厦门鹭岛海产贸易有限公司' }).waitFor();
      expect(await page.getByRole('cell', { name: 'KH-2003' }).count()).toBe(0);
    });
    expect(await getCustomerByCode(suite.deps(), systemCtx(), 'KH-2001')).toMatchObject({
      name: '南京紫金山软件有限公司',
      province: '江苏省',
      city: '南京市',
    });
  });

  it('reads a GBK file as Chinese Excel saves it and imports the names intact', async () => {
    const text = GBK_IMPORT_ROWS.map((r) => r.join(',')).join('\r\n');
    const gbk = iconv.encode(text, 'gbk');
    // Not valid UTF-8: read that way, the names would be garbled.
    expect(gbk.toString('utf8')).not.toContain('哈尔滨');
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/customers/import');
      await page.locator('input[type=file]').setInputFiles({
        name: '客户清单.csv',
        mimeType: 'text/csv',
        buffer: gbk,
      });
      const mapping = page.getByTestId('import-mapping');
      await mapping
        .getByRole('row', { name: /^客户名称/ })
        .getByText(/哈尔滨冰城乳业有限公司/)
        .waitFor();
      await page.getByText('当前按 GB18030 读取').waitFor();

      // The mapping saved from the other file fits this one by header text.
      await page.getByRole('combobox', { name: '载入已保存的对应关系' }).click();
      await openDropdown(page).getByTitle('ERP 客户导出', { exact: true }).click();
      await mapping
        .getByRole('row', { name: /^客户编码/ })
        .getByTitle('客户编码 *', { exact: true })
        .waitFor();

      // It knew no industry column: that one is chosen by hand.
      const industryRow = mapping.getByRole('row', { name: /^行业/ });
      expect(await industryRow.getByTitle('行业', { exact: true }).count()).toBe(0);
      await chooseOption(
        page,
        industryRow.getByRole('combobox'),
        '行业',
        industryRow.getByText('手动'),
      );

      await page.getByRole('button', { name: /开始试运行/ }).click();
      await page.getByTestId('import-counts').waitFor();
      expect(await count(page, 'created')).toBe('2');
      expect(await count(page, 'rejected')).toBe('0');
      expect(await page.getByTestId('import-issues').count()).toBe(0);

      await page.getByRole('button', { name: /下一步：提交/ }).click();
      expect(await page.getByRole('radio', { name: /^全部或全不/ }).isChecked()).toBe(true);
      await page.getByRole('button', { name: /提交导入/ }).click();
      await page.getByTestId('import-outcome').getByText('导入完成：写入 2 条记录').waitFor();

      await page.getByRole('button', { name: /查看客户列表/ }).click();
      await page.getByRole('cell', { name: '哈尔滨冰城乳业有限公司' }).waitFor();
      await page.getByRole('cell', { name: '昆明滇池花卉园艺有限公司' }).waitFor();
    });
    expect(await getCustomerByCode(suite.deps(), systemCtx(), 'KH-4002')).toMatchObject({
      name: '昆明滇池花卉园艺有限公司',
      industry: '农业',
      province: '云南省',
    });
  });
});
