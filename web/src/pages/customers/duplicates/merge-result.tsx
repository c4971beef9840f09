import { Button, Descriptions, Result } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MergeResult } from '../../../api/types';

/** What a merge did: which customer survived and how many records moved to it. */
export function MergeResultView({ result, onClose }: { result: MergeResult; onClose: () => void }) {
  const { t } = useTranslation();
  const moved = Object.entries(result.moved).filter(([, n]) => n > 0);
  const total = moved.reduce((sum, [, n]) => sum + n, 0);
  return (
    <Result
      status="success"
      title={t('duplicates.merged', { merged: result.mergedCode, survivor: result.survivor.code })}
      subTitle={
        total === 0 ? t('duplicates.nothingMoved') : t('duplicates.movedTotal', { count: total })
      }
      extra={[
        <Link key="open" to={`/customers/${result.survivor.id}`}>
          <Button type="primary">{t('duplicates.openSurvivor')}</Button>
        </Link>,
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {moved.length > 0 && (
        <Descriptions
          size="small"
          bordered
          column={2}
          data-testid="merge-moved"
          items={moved.map(([table, n]) => ({
            key: table,
            label: t(`duplicates.moved.${table.replace(/\./g, '_')}` as ParseKeys, {
              defaultValue: table,
            }),
            children: n,
          }))}
        />
      )}
    </Result>
  );
}
