import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportTarget, SavedMapping } from '../../api/import-types';
import { listSavedMappings, saveMapping } from '../../api/imports';
import { errorMessage } from '../../errors';

/**
 * Mappings saved for next time: pick one to lay it over this file, or save the one on screen
 * under a name (the same name replaces the older one).
 */
export function SavedMappings({
  target,
  current,
  onLoad,
}: {
  target: ImportTarget;
  /** The mapping on screen, or undefined while it cannot be saved (a required field unmapped). */
  current: ImportMapping | undefined;
  onLoad: (m: SavedMapping) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<string>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const key = ['import-mappings', target];
  const list = useQuery({ queryKey: key, queryFn: () => listSavedMappings(target) });
  const save = useMutation({
    mutationFn: (m: ImportMapping) => saveMapping(name.trim(), m),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('imports.saved.savedAs', { name: name.trim() }));
      setLoaded(name.trim());
      setNaming(false);
    },
  });

  return (
    <Flex gap={8} wrap align="center">
      <Select<string>
        value={loaded}
        placeholder={t('imports.saved.load')}
        aria-label={t('imports.saved.load')}
        loading={list.isFetching}
        style={{ minWidth: 240 }}
        notFoundContent={t('imports.saved.none')}
        onChange={(v) => {
          const m = list.data?.find((x) => x.name === v);
          if (!m) return;
          setLoaded(v);
          onLoad(m);
        }}
        options={(list.data ?? []).map((m) => ({ value: m.name, label: m.name }))}
      />
      <Button
        icon={<SaveOutlined />}
        disabled={!current}
        onClick={() => {
          setName(loaded ?? '');
          save.reset();
          setNaming(true);
        }}
      >
        {t('imports.saved.save')}
      </Button>
      <Modal
        open={naming}
        title={t('imports.saved.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim(), loading: save.isPending }}
        onOk={() => current && save.mutate(current)}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        {save.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, save.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Input
          value={name}
          maxLength={100}
          autoFocus
          aria-label={t('imports.saved.name')}
          placeholder={t('imports.saved.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && current && save.mutate(current)}
        />
      </Modal>
    </Flex>
  );
}
