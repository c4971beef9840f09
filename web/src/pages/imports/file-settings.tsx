import {
  AutoComplete,
  Checkbox,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DECIMAL_SEPARATORS,
  IMPORT_ENCODINGS,
  type ImportEncoding,
  type ImportOptions,
  type ImportTarget,
  ROUNDINGS,
  THOUSANDS_SEPARATORS,
} from '../../api/import-types';
import { CUSTOMER_TYPES, type CustomerType } from '../../api/types';
import { isFactTarget } from './import-fields';
import { DATE_FORMATS, type FileSettings } from './mapping-state';

const SEPARATOR_KEYS = {
  '.': 'dot',
  ',': 'comma',
  ' ': 'space',
  "'": 'apostrophe',
  '': 'none',
} as const;

/**
 * Step 2, how the file is read: encoding and header row; for orders and payments also the date and
 * number formats and whether unknown customer codes create customers (customer files carry
 * neither dates nor amounts).
 */
export function FileSettingsForm({
  target,
  settings,
  onChange,
  onEncoding,
  detectedEncoding,
  options,
  onOptions,
  reloading,
}: {
  target: ImportTarget;
  settings: FileSettings;
  onChange: (changes: Partial<FileSettings>) => void;
  /** A different encoding means reading the file again. */
  onEncoding: (e: ImportEncoding) => void;
  detectedEncoding: string | null;
  options: Required<ImportOptions>;
  onOptions: (o: Required<ImportOptions>) => void;
  reloading: boolean;
}) {
  const { t } = useTranslation();
  const sep = (s: keyof typeof SEPARATOR_KEYS) => t(`imports.separators.${SEPARATOR_KEYS[s]}`);
  const clash = settings.decimalSeparator === settings.thousandsSeparator;
  const facts = isFactTarget(target);
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            label={t('imports.settings.encoding')}
            htmlFor="import-encoding"
            extra={
              detectedEncoding
                ? t('imports.settings.readAs', { encoding: detectedEncoding.toUpperCase() })
                : undefined
            }
          >
            <Select<ImportEncoding>
              id="import-encoding"
              value={settings.encoding}
              loading={reloading}
              onChange={onEncoding}
              options={IMPORT_ENCODINGS.map((e) => ({
                value: e,
                label: t(`imports.encodings.${e}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            label={t('imports.settings.hasHeader')}
            htmlFor="import-has-header"
            extra={t('imports.settings.hasHeaderHint')}
          >
            <Switch
              id="import-has-header"
              checked={settings.hasHeader}
              onChange={(hasHeader) => onChange({ hasHeader })}
            />
          </Form.Item>
        </Col>
        {facts && (
          <>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label={t('imports.settings.dateFormat')}
                htmlFor="import-date-format"
                extra={t('imports.settings.dateFormatHint')}
              >
                <AutoComplete
                  id="import-date-format"
                  value={settings.dateFormat}
                  onChange={(dateFormat: string) => onChange({ dateFormat })}
                  options={DATE_FORMATS.map((f) => ({
                    value: f,
                    label: f === 'excel-serial' ? t('imports.settings.excelSerial') : f,
                  }))}
                  filterOption={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('imports.settings.decimalSeparator')} htmlFor="import-decimal">
                <Select
                  id="import-decimal"
                  value={settings.decimalSeparator}
                  onChange={(decimalSeparator) => onChange({ decimalSeparator })}
                  options={DECIMAL_SEPARATORS.map((s) => ({ value: s, label: sep(s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label={t('imports.settings.thousandsSeparator')}
                htmlFor="import-thousands"
                validateStatus={clash ? 'error' : undefined}
                help={clash ? t('imports.settings.separatorClash') : undefined}
              >
                <Select
                  id="import-thousands"
                  value={settings.thousandsSeparator}
                  onChange={(thousandsSeparator) => onChange({ thousandsSeparator })}
                  options={THOUSANDS_SEPARATORS.map((s) => ({ value: s, label: sep(s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label={t('imports.settings.currencyScale')}
                htmlFor="import-scale"
                extra={t('imports.settings.currencyScaleHint')}
              >
                <InputNumber
                  id="import-scale"
                  min={0}
                  max={4}
                  precision={0}
                  value={settings.currencyScale}
                  onChange={(v) => onChange({ currencyScale: v ?? 2 })}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('imports.settings.rounding')} htmlFor="import-rounding">
                <Select
                  id="import-rounding"
                  value={settings.rounding}
                  onChange={(rounding) => onChange({ rounding })}
                  options={ROUNDINGS.map((r) => ({ value: r, label: t(`imports.roundings.${r}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label=" " colon={false}>
                <Checkbox
                  checked={settings.allowNegativeAmounts}
                  onChange={(e) => onChange({ allowNegativeAmounts: e.target.checked })}
                >
                  {t('imports.settings.allowNegative')}
                </Checkbox>
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {facts && (
        <Row gutter={16} align="middle">
          <Col>
            <Checkbox
              checked={options.createMissingCustomers}
              onChange={(e) => onOptions({ ...options, createMissingCustomers: e.target.checked })}
            >
              {t('imports.settings.createMissing')}
            </Checkbox>
          </Col>
          {options.createMissingCustomers && (
            <Col>
              <Select<CustomerType>
                value={options.newCustomerType}
                onChange={(newCustomerType) => onOptions({ ...options, newCustomerType })}
                aria-label={t('imports.settings.newCustomerType')}
                style={{ width: 160 }}
                options={CUSTOMER_TYPES.map((v) => ({
                  value: v,
                  label: t(`customers.types.${v}`),
                }))}
              />
            </Col>
          )}
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('imports.settings.createMissingHint')}
            </Typography.Text>
          </Col>
        </Row>
      )}
    </Form>
  );
}
