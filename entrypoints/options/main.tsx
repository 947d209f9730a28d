// Wires the options page: the model gets messages and downloads, Preact renders it, the address fragment
// (#account=<key>, #import) opens what the popup linked to.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { MANAGED_STATUS_KEY, type ManagedStatus } from '../../lib/background/managed';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messages';
import { createOptionsModel } from '../../lib/options/model';
import './style.css';

/** Saves text as a file through a Blob URL and a download link: no downloads permission needed. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and still needs the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const model = createOptionsModel({
  send,
  download,
  nextPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
});

// The catalogue Chrome chose, not navigator.language: screen readers pick their voice and Chromium its
// Japanese glyphs from it.
document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');
const app = document.getElementById('app')!;
const show = (managed?: ManagedStatus) => render(<OptionsPage model={model} managed={managed} />, app);
show();
// The organization's directory status, as the background last wrote it; a policy change reloads the list.
const showManaged = async () => {
  const stored = await browser.storage.local.get(MANAGED_STATUS_KEY);
  show(stored[MANAGED_STATUS_KEY] as ManagedStatus | undefined);
};
void showManaged();
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(MANAGED_STATUS_KEY in changes)) return;
  void showManaged();
  void model.load();
});
void model.load().then(() => model.openFromHash(location.hash));
addEventListener('hashchange', () => model.openFromHash(location.hash));
