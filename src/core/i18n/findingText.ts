// A finding's text as Messages: its own, or its English wrapped verbatim (findings built before the
// catalog), so a layer that extends a finding keeps both languages.
import type { Finding, FindingText } from '../findings';
import { msg } from './message';

export function findingText(f: Pick<Finding, 'title' | 'detail' | 'text'>): FindingText {
  return (
    f.text ?? { title: msg('common.verbatim', { text: f.title }), detail: msg('common.verbatim', { text: f.detail }) }
  );
}
