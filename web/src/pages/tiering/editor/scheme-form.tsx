import { Flex, Form } from 'antd';
import { type Ref, useImperativeHandle, useMemo } from 'react';
import type { FieldIssue } from '../../../api/client';
import type { SchemeDocument } from '../../../api/tiering';
import { AssignmentSection } from './assignment-section';
import { BasicsSection, StabilitySection } from './basics-section';
import { CriteriaSection } from './criteria-section';
import { type FormDoc, fromForm, issuePath, toForm } from './form-doc';
import { MetricsSection } from './metrics-section';
import { TiersSection } from './tiers-section';

/** What the editor page asks of the form. */
export interface SchemeFormHandle {
  /** The document as the form holds it now, without checking anything. */
  current(): SchemeDocument;
  /** Checks the form's own rules; the document when they pass. */
  validated(): Promise<SchemeDocument | undefined>;
  /**
   * Shows the server's issues on the fields they name (or the closest enclosing field the form
   * shows, e.g. the condition holding a bad comparison); returns how many found a field.
   */
  showIssues(issues: FieldIssue[]): number;
}

const startsWith = (path: (string | number)[], prefix: (string | number)[]) =>
  prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

/** The form editor of a scheme document; mount it afresh (by key) to load another document. */
export function SchemeForm({
  doc,
  disabled,
  onDirty,
  ref,
}: {
  doc: SchemeDocument;
  disabled: boolean;
  onDirty: () => void;
  ref: Ref<SchemeFormHandle>;
}) {
  const [form] = Form.useForm<FormDoc>();
  const initial = useMemo(() => toForm(doc), [doc]);

  useImperativeHandle(ref, () => ({
    // getFieldsValue(true) includes fields the form does not show (labels, derived metrics…),
    // which must survive a save untouched.
    current: () => fromForm(form.getFieldsValue(true) as FormDoc),
    validated: async () => {
      try {
        await form.validateFields();
      } catch {
        return undefined;
      }
      return fromForm(form.getFieldsValue(true) as FormDoc);
    },
    showIssues: (issues) => {
      const shown = form.getFieldsError().map((f) => f.name as (string | number)[]);
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const issue of issues) {
        const path = issuePath(issue.field);
        const target = shown
          .filter((name) => startsWith(path, name))
          .sort((a, b) => b.length - a.length)[0];
        if (!target) continue;
        const key = JSON.stringify(target);
        const entry = byField.get(key) ?? { name: target, errors: [] };
        // A deeper issue shown on an enclosing field keeps its path, so it can still be found.
        entry.errors.push(
          target.length === path.length ? issue.message : `${issue.field}: ${issue.message}`,
        );
        byField.set(key, entry);
      }
      // The names come from the form's own field list, so they are valid paths of it.
      form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
      return [...byField.values()].reduce((n, e) => n + e.errors.length, 0);
    },
  }));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onValuesChange={onDirty}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        <BasicsSection form={form} />
        <TiersSection />
        <MetricsSection />
        <CriteriaSection form={form} />
        <AssignmentSection form={form} />
        <StabilitySection form={form} />
      </Flex>
    </Form>
  );
}
