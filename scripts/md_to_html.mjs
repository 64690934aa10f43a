// Publishes a Markdown page of docs/ as HTML next to the app: node md_to_html.mjs IN.md OUT.html [CSS-HREF]
// A minimal converter for the subset docs/fidelity.md uses (no dependency): headings, paragraphs, "- " lists
// with indented continuation lines, pipe tables, links, <autolinks>, `code` and **bold**; "{#id}" after a
// heading, or at the start of a list item or a table row's first cell, gives that element its id.
import fs from 'node:fs';
import path from 'node:path';

const [input, output, css = 'docs.css'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node md_to_html.mjs IN.md OUT.html [CSS-HREF]');
  process.exit(2);
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const href = (url) => escape(url);

function inline(text) {
  const token = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>|\*\*([^*]+)\*\*/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(token)) {
    out += escape(text.slice(last, m.index));
    if (m[1] !== undefined) out += `<code>${escape(m[1])}</code>`;
    else if (m[2] !== undefined) out += `<a href="${href(m[3])}">${inline(m[2])}</a>`;
    else if (m[4] !== undefined) out += `<a href="${href(m[4])}">${escape(m[4])}</a>`;
    else out += `<strong>${inline(m[5])}</strong>`;
    last = m.index + m[0].length;
  }
  return out + escape(text.slice(last));
}

/// "{#id} rest" or "rest {#id}" -> [id, rest].
function takeId(text) {
  const m = text.match(/^\{#([A-Za-z0-9_-]+)\}\s*/) || text.match(/\s*\{#([A-Za-z0-9_-]+)\}\s*$/);
  if (!m) return ['', text];
  return [m[1], text.replace(m[0], '').trim()];
}
const idAttr = (id) => (id ? ` id="${escape(id)}"` : '');
const cells = (row) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

const lines = fs.readFileSync(input, 'utf8').split('\n');
const body = [];
let title = 'Lambda Playground';
for (let i = 0; i < lines.length;) {
  const line = lines[i];
  if (!line.trim()) { i++; continue; }
  const heading = line.match(/^(#{1,4})\s+(.*)$/);
  if (heading) {
    const [id, text] = takeId(heading[2]);
    const level = heading[1].length;
    if (level === 1) title = text;
    body.push(`<h${level}${idAttr(id)}>${inline(text)}</h${level}>`);
    i++;
  } else if (line.startsWith('- ')) {
    body.push('<ul>');
    while (i < lines.length && lines[i].startsWith('- ')) {
      let item = lines[i].slice(2);
      for (i++; i < lines.length && /^ {2}\S/.test(lines[i]); i++) item += ' ' + lines[i].trim();
      const [id, text] = takeId(item);
      body.push(`<li${idAttr(id)}>${inline(text)}</li>`);
    }
    body.push('</ul>');
  } else if (line.startsWith('|') && i + 1 < lines.length && /^\|[\s:|-]+\|$/.test(lines[i + 1].trim())) {
    body.push('<table>', '<thead><tr>' + cells(line).map((c) => `<th>${inline(c)}</th>`).join('') + '</tr></thead>', '<tbody>');
    for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
      const row = cells(lines[i]);
      const [id, first] = takeId(row[0]);
      row[0] = first;
      body.push(`<tr${idAttr(id)}>` + row.map((c) => `<td>${inline(c)}</td>`).join('') + '</tr>');
    }
    body.push('</tbody>', '</table>');
  } else {
    let para = line.trim();
    for (i++; i < lines.length && lines[i].trim() && !/^(#|- |\|)/.test(lines[i]); i++) para += ' ' + lines[i].trim();
    body.push(`<p>${inline(para)}</p>`);
  }
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>${escape(title)} · Lambda Playground</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${escape(css)}">
</head>
<body>
<main class="reference">
<p class="kicker">Lambda Playground · documentation · <a href="../index.html">open the playground</a></p>
${body.join('\n')}
<footer><p>Generated from <code>${escape(path.basename(input))}</code> by the web build. The playground is a teaching tool, not AWS.</p></footer>
</main>
</body>
</html>
`;
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, page);
console.log(`${path.basename(output)}: ${body.filter((l) => / id="/.test(l)).length} anchors`);
