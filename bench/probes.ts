// Scripts the benchmark puts into pages (main world, before any page script runs) to timestamp what a user
// sees. Plain JS strings: they run in the browser, not here, so nothing from this module may leak into them.

/**
 * First rows painted: records, on the page's own clock (0 = navigation start),
 * - `rowsAt`: the first moment a `[role=option]` is in the DOM (a MutationObserver callback),
 * - `frameAt`: the start of the next frame (requestAnimationFrame), which renders those rows,
 * - `paintedAt`: the first task after that frame (a MessageChannel message posted from the rAF callback),
 *   i.e. once the browser has run style, layout and paint for the frame that shows the rows.
 * - `allAt` / `allPaintedAt`: when the list first says it holds every sign-in (`aria-setsize` equals
 *   `window.__benchAll`), i.e. every sign-in is indexed and searchable, and the frame after.
 * The same script measures the popup and the static copy. It also timestamps every runtime.sendMessage
 * (sent → answered) so the popup's time can be split into script, round trip and render.
 */
export const FIRST_ROWS_PROBE = `(() => {
  const b = (window.__bench = { messages: [] });
  const now = () => performance.now();
  const afterFrame = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(now());
    channel.port2.postMessage(0);
  });
  const check = () => {
    const option = document.querySelector('[role="option"]');
    if (!option) return;
    if (b.rowsAt === undefined) {
      b.rowsAt = now();
      b.rows = document.querySelectorAll('[role="option"]').length;
      requestAnimationFrame(() => { b.frameAt = now(); });
      afterFrame((t) => { b.paintedAt = t; });
    }
    // Every sign-in searchable: the list says it holds all of them (window.__benchAll, set by the bench).
    if (b.allAt === undefined && window.__benchAll && Number(option.getAttribute('aria-setsize')) === window.__benchAll) {
      b.allAt = now();
      afterFrame((t) => { b.allPaintedAt = t; });
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['aria-setsize'],
  });
  const runtime = globalThis.chrome && globalThis.chrome.runtime;
  if (runtime && typeof runtime.sendMessage === 'function') {
    const send = runtime.sendMessage;
    try {
      runtime.sendMessage = function (...args) {
        const record = { type: args[0] && args[0].type, sentAt: now() };
        b.messages.push(record);
        const last = args[args.length - 1];
        if (typeof last === 'function') {
          args[args.length - 1] = function (...reply) { record.answeredAt = now(); return last.apply(this, reply); };
          return send.apply(this, args);
        }
        const result = send.apply(this, args);
        if (result && typeof result.then === 'function') result.then(() => { record.answeredAt = now(); }, () => {});
        return result;
      };
    } catch {}
  }
})();`;

/**
 * Keystroke → filtered list painted, installed once in an open popup. `window.__key.arm()` before a key
 * press; the press then records, on the page's clock,
 * - `t0`: the keydown event's timeStamp (when the browser received the key),
 * - `domAt`: the first DOM mutation after the input event (the re-rendered list),
 * - `paintedAt`: the first task after the next frame (requested during the input event, so the re-render
 *   queued by that event is in it),
 * - `shown`: what that frame shows: the list's size (aria-setsize of its first option), 0 for the
 *   no-match state.
 * Event Timing entries of 16 ms or more (the API's floor) are collected for a cross-check.
 */
export const KEYSTROKE_PROBE = `(() => {
  const k = (window.__key = { armed: false, result: undefined, slowEvents: [] });
  k.arm = () => { k.armed = true; k.result = undefined; };
  let current;
  addEventListener('keydown', (e) => {
    if (!k.armed) return;
    k.armed = false;
    current = { key: e.key, t0: e.timeStamp };
  }, true);
  addEventListener('input', () => {
    if (!current || current.inputAt !== undefined) return;
    const r = current;
    r.inputAt = performance.now();
    const observer = new MutationObserver(() => {
      if (r.domAt === undefined) r.domAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    requestAnimationFrame(() => {
      r.frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        r.paintedAt = performance.now();
        observer.disconnect();
        const option = document.querySelector('[role="option"]');
        r.shown = option ? Number(option.getAttribute('aria-setsize')) : document.querySelector('.empty') ? 0 : -1;
        k.result = r;
        current = undefined;
      };
      channel.port2.postMessage(0);
    });
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'keydown' || e.name === 'keypress' || e.name === 'input' || e.name === 'keyup')
        k.slowEvents.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
})();`;

/**
 * Sign-in field appears → filled, on a replica sign-in page: `mounts` are the moments a `#username` box
 * is put into the document (a MutationObserver callback, in the same task as the page's render), `fills`
 * the moments an input event reports a value in one of those boxes (Signpost's fill dispatches it), each
 * with the index of the box's mount.
 */
export const FILL_PROBE = `(() => {
  if (!/(^|\\.)signin\\./.test(location.hostname)) return;
  const b = (window.__fill = { mounts: [], fills: [] });
  const boxes = [];
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const box = node.id === 'username' ? node : node.querySelector('#username');
        if (box && !boxes.includes(box)) { boxes.push(box); b.mounts.push(at); }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener('input', (e) => {
    const i = boxes.indexOf(e.target);
    if (i >= 0 && e.target.value) b.fills.push({ at: performance.now(), mount: i, value: e.target.value });
  }, true);
})();`;
