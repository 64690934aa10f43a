// File > Copy embed code (issue 20): a small dialog where a documentation author picks the scenario, the step,
// the panel under the canvas, lock and size, sees a live preview, and copies a ready <iframe>, or the
// Markdown/MDX or reStructuredText form of it. URL parameters as web/docs/embedding.txt documents them.
'use strict';
(function () {
  const PANELS = ['', 'timeline', 'journey', 'metrics', 'log', 'warnings'];

  /// The embed URL for `o` = {base, preset, fragment, step, panel, lock, autoplay, title}.
  function embedUrl(o) {
    let q = 'embed';
    if (o.preset) q += '&preset=' + encodeURIComponent(o.preset);
    if (o.step > 0) q += '&step=' + o.step;
    if (o.panel) q += '&panel=' + o.panel;
    if (o.lock) q += '&lock';
    if (o.autoplay) q += '&autoplay=1';
    if (o.title) q += '&title=' + encodeURIComponent(o.title);
    return `${o.base}?${q}${o.preset ? '' : '#' + o.fragment}`;
  }

  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const jsxAttr = (s) => String(s).replace(/"/g, '&quot;').replace(/[{}<]/g, (c) => `&#${c.charCodeAt(0)};`);

  /// The three forms: HTML (entities escaped), Markdown/MDX (raw HTML that is also valid JSX: explicit closing
  /// tag, frameBorder, no style string), reStructuredText (a raw html directive).
  function embedCodes(o) {
    const url = embedUrl(o);
    const title = o.title || o.scenarioName || 'Lambda Playground';
    const html = `<iframe src="${attr(url)}" width="${o.width}" height="${o.height}" title="${attr(title)}" ` +
      `loading="lazy" style="border:0"></iframe>`;
    const mdx = `<iframe src="${url.replace(/"/g, '%22')}" width="${o.width}" height="${o.height}" ` +
      `title="${jsxAttr(title)}" loading="lazy" frameBorder="0"></iframe>`;
    const rst = `.. raw:: html\n\n   ${html}\n`;
    return { url, html, mdx, rst };
  }

  let dialog = null;
  let current = null;  // {fragment, preset, scenarioName, step}
  let previewTimer = 0;

  function field(label, input) {
    const l = document.createElement('label');
    l.textContent = label;
    l.appendChild(input);
    return l;
  }
  function make(tag, props) { return Object.assign(document.createElement(tag), props || {}); }

  function build() {
    dialog = make('dialog', { id: 'embed-code' });
    dialog.innerHTML = '';
    const form = make('div', { className: 'embed-form' });
    const scenario = make('select', { id: 'ec-scenario' });
    const step = make('input', { id: 'ec-step', type: 'number', min: '0', step: '1' });
    const panel = make('select', { id: 'ec-panel' });
    for (const p of PANELS) panel.appendChild(make('option', { value: p, textContent: p || 'none' }));
    const lock = make('input', { id: 'ec-lock', type: 'checkbox', checked: true });
    const autoplay = make('input', { id: 'ec-autoplay', type: 'checkbox', checked: false });
    const width = make('input', { id: 'ec-width', type: 'number', min: '240', max: '2000', value: '900' });
    const height = make('input', { id: 'ec-height', type: 'number', min: '240', max: '2000', value: '640' });
    const title = make('input', { id: 'ec-title', type: 'text' });
    form.append(field('Scenario', scenario), field('Open at step', step), field('Panel', panel),
      field('Read-only (lock)', lock), field('Autoplay', autoplay), field('Width', width), field('Height', height),
      field('Title', title));
    const format = make('select', { id: 'ec-format' });
    for (const [v, t] of [['html', 'HTML <iframe>'], ['mdx', 'Markdown / MDX'], ['rst', 'reStructuredText']])
      format.appendChild(make('option', { value: v, textContent: t }));
    const code = make('textarea', { id: 'ec-code', readOnly: true, rows: 4, spellcheck: false });
    const copy = make('button', { id: 'ec-copy', type: 'button', textContent: 'Copy' });
    const close = make('button', { id: 'ec-close', type: 'button', textContent: 'Close' });
    const preview = make('iframe', { id: 'ec-preview', title: 'Embed preview' });
    const previewBox = make('div', { className: 'embed-preview' });
    previewBox.appendChild(preview);
    const row = make('div', { className: 'embed-row' });
    row.append(field('Format', format), copy, close);
    dialog.append(make('h2', { textContent: 'Copy embed code' }), form, previewBox, row, code);
    document.body.appendChild(dialog);
    // Typing in the dialog is not for the app (SDL listens on the window: Space would play).
    for (const type of ['keydown', 'keyup', 'keypress']) dialog.addEventListener(type, (e) => e.stopPropagation());

    const options = () => {
      const v = scenario.value;
      return {
        base: new URL('index.html', location.href).href,
        preset: v === 'link' ? '' : v,
        fragment: current.fragment,
        scenarioName: current.scenarioName,
        step: Math.max(0, Math.floor(Number(step.value) || 0)),
        panel: panel.value,
        lock: lock.checked,
        autoplay: autoplay.checked,
        width: Math.min(2000, Math.max(240, Math.round(Number(width.value) || 900))),
        height: Math.min(2000, Math.max(240, Math.round(Number(height.value) || 640))),
        title: title.value.trim(),
      };
    };
    const refresh = () => {
      const o = options();
      const codes = embedCodes(o);
      code.value = codes[format.value];
      dialog.dataset.url = codes.url;
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => {  // the live preview: the embed itself, at the chosen aspect
        previewBox.style.aspectRatio = `${o.width} / ${o.height}`;
        preview.style.width = o.width + 'px';
        preview.style.height = o.height + 'px';
        const scale = Math.min(1, previewBox.clientWidth / o.width);
        preview.style.transform = `scale(${scale})`;
        if (preview.getAttribute('src') !== codes.url) preview.src = codes.url;
      }, 300);
      return codes;
    };
    for (const el of [scenario, step, panel, lock, autoplay, width, height, title, format])
      el.addEventListener(el.tagName === 'SELECT' || el.type === 'checkbox' ? 'change' : 'input', refresh);
    copy.addEventListener('click', () => window.pgShell.copyText(refresh()[format.value]));
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { preview.removeAttribute('src'); document.getElementById('canvas').focus(); });
    dialog.pgRefresh = refresh;
    dialog.pgScenario = scenario;
    dialog.pgStep = step;
    dialog.pgTitle = title;
  }

  function open(fragment, preset) {
    const state = window.pgShell.state();
    current = { fragment, preset, scenarioName: state.scenario, step: state.step };
    if (!dialog) build();
    const s = dialog.pgScenario;
    s.innerHTML = '';
    if (preset) s.appendChild(make('option', { value: preset, textContent: `Preset: ${preset}` }));
    s.appendChild(make('option', { value: 'link', textContent: 'This scenario (carried in the link)' }));
    dialog.pgStep.value = String(state.step);
    dialog.pgTitle.value = state.scenario;
    if (!dialog.open) dialog.showModal();
    // The <iframe> goes on the clipboard at once (the dialog's Copy re-copies after changes or another form).
    window.pgShell.copyText(dialog.pgRefresh().html);
  }

  window.pgEmbedCode = { embedUrl, embedCodes, open };
  window.pgToolHandlers = window.pgToolHandlers || {};
  window.pgToolHandlers['embed-code'] = (fragment, preset) => open(fragment, preset);
})();
