import type { InboxAccountView } from '../shared/inbox-view.types.js';
import { make } from './inbox-dom.js';
import { toneOf } from './inbox-format.js';
import { severalAccounts, type InboxState } from './inbox-state.js';

/*
 * What the page draws when one sandbox serves several Zixflow accounts: the label that says which
 * account a chat belongs to, the + form's account picker, and which accounts still need an app.
 * With one account none of it shows, so the page looks as it always did.
 */

/** The value of the default account in the picker: account names are never empty. */
const DEFAULT_ACCOUNT_VALUE = '';

/**
 * A chat's account label: the name as a coloured pill, read out as "Account brand-b" (the word
 * is for screen readers, the colour for a quick glance, so neither carries the meaning alone).
 */
export function accountLabel(account: InboxAccountView): HTMLElement {
  const label = make('span', 'account-label');
  label.dataset.tone = toneOf(account.label);
  label.dataset.account = account.label;
  label.title = `Account ${account.label}`;
  label.appendChild(make('span', 'visually-hidden', 'Account '));
  label.appendChild(document.createTextNode(account.label));
  return label;
}

/**
 * Fills the + form's account picker, keeping the person's choice; hidden with a single account.
 * Rebuilt only when the accounts change, so an open picker is not pulled from under the pointer.
 */
export function renderAccountPicker(field: HTMLElement, select: HTMLSelectElement, state: InboxState): void {
  field.hidden = !severalAccounts(state);
  const values = state.accounts.map(valueOf);
  if (select.dataset.accounts === values.join('\n')) return;
  const chosen = select.value;
  select.replaceChildren(
    ...state.accounts.map((account) => {
      const option = make('option', null, `${account.label} · phoneId ${account.phoneId}`);
      option.value = valueOf(account);
      return option;
    }),
  );
  select.dataset.accounts = values.join('\n');
  if (values.includes(chosen)) select.value = chosen;
}

/** The account picked in the + form; the default one when the picker is hidden or empty. */
export function pickedAccount(select: HTMLSelectElement, state: InboxState): InboxAccountView | undefined {
  const value = severalAccounts(state) ? select.value : DEFAULT_ACCOUNT_VALUE;
  return state.accounts.find((account) => valueOf(account) === value) ?? state.accounts[0];
}

/** Why writing as a customer is off, or '' when every account has its app; names the call that fixes it. */
export function connectionNotice(state: InboxState): string {
  const missing = state.accounts.filter((account) => !account.appConnected);
  if (state.accounts.length === 0 ? state.appConnected : missing.length === 0) return '';
  if (!severalAccounts(state) || missing.length === state.accounts.length) {
    return 'No app connected: messages your app sends show up here, but writing as a customer needs sandbox.connectApp({ incomingUrl, secret }) in your code.';
  }
  const names = missing.map((account) => account.label).join(', ');
  return `No app connected for ${names}: writing as their customers needs sandbox.connectApp({ account, incomingUrl, secret }) for each.`;
}

function valueOf(account: InboxAccountView): string {
  return account.account ?? DEFAULT_ACCOUNT_VALUE;
}
