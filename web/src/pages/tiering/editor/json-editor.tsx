import { Alert, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The whole scheme document as JSON text, for pasting and bulk edits. */
export function JsonEditor({
  value,
  onChange,
  error,
  readOnly,
}: {
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('tiering.editor.jsonHint')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('tiering.editor.jsonInvalid', { error })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Input.TextArea
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 20, maxRows: 40 }}
        spellCheck={false}
        aria-label={t('tiering.editor.json')}
        style={{
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 12,
        }}
      />
    </>
  );
}

/** Parses JSON text, returning the value or the parser's message. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
