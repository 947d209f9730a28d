// Wires the options page: the model gets messages and downloads, Preact renders it, the address fragment
// (#account=<key>, #import) opens what the popup linked to.
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
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
render(<OptionsPage model={model} />, document.getElementById('app')!);
void model.load().then(() => model.openFromHash(location.hash));
addEventListener('hashchange', () => model.openFromHash(location.hash));
