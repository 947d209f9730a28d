// Wires the popup: the model gets the browser (messages, tabs, clipboard, options page), Preact renders it.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { send } from '../../lib/messages';
import { createPopupModel } from '../../lib/popup/model';
import './style.css';

const model = createPopupModel({
  send,
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  ownTab: () => browser.tabs.getCurrent(),
  close: () => window.close(),
  copy: (text) => navigator.clipboard.writeText(text),
  openOptions: (hash) => browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) }),
});

render(<Popup model={model} />, document.getElementById('app')!);
void model.load();
