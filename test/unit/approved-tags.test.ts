import { describe, expect, it } from 'vitest';
import { approvedTagIssue } from '../../src/domain/customers/approved-tags';

describe('tags only an approved request may change', () => {
  it('refuses adding or dropping the blacklist tag, naming the field', () => {
    expect(approvedTagIssue(['blacklist'], [])?.field).toBe('tags');
    expect(approvedTagIssue(['老客户'], ['blacklist', '老客户'])?.message).toMatch(/approved/);
  });

  it('lets other tags change and the blacklist stay as it is', () => {
    expect(approvedTagIssue(['老客户', 'vip'], [])).toBeUndefined();
    expect(approvedTagIssue(['blacklist', 'vip'], ['blacklist'])).toBeUndefined();
  });
});
