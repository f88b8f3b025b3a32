// Pasting and dropping: Word and Google Docs HTML is cleaned to what the schema keeps, image files are uploaded,
// a bare provider address on an empty line becomes an embed, an address pasted over selected text becomes a link.
import { Plugin, TextSelection } from "prosemirror-state";
import { Fragment, Slice } from "prosemirror-model";
import { schema, isSafeHref, isKeptImageSrc } from "./schema.js";
import { uploadImages, resolveEmbed } from "./uploads.js";

// ---------------------------------------------------------------------------------------------------------------
// HTML clean-up. Everything happens on strings and on an inert DOMParser document; inline style attributes are
// renamed to data-mh-style *before* any parsing so the page's CSP (style-src 'self') never sees one.

const KEEP_ATTRS = new Set(["href", "title", "src", "alt", "width", "height", "start", "colspan", "rowspan", "class", "id"]);
const UNWRAP = new Set(["SPAN", "FONT", "U", "S", "STRIKE", "DEL", "INS", "MARK", "SMALL", "BIG", "ABBR", "ACRONYM",
  "SUB", "SUP", "CENTER", "BDI", "BDO", "NOBR", "Q", "DFN", "VAR"]);
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, td, th, blockquote, figcaption";

function parseStyle(value) {
  const out = {};
  for (const decl of (value || "").split(";")) {
    const i = decl.indexOf(":");
    if (i > 0) out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim().toLowerCase();
  }
  return out;
}

function unwrap(el) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function wrapChildren(el, tag) {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
}

function isBold(weight) {
  return /^(bold|bolder)$/.test(weight) || (/^\d+$/.test(weight) && Number(weight) >= 600);
}

/** Word's list paragraphs (class MsoListParagraph…, style mso-list: l0 level2 lfo1) become real nested lists. */
function rebuildWordLists(root) {
  const doc = root.ownerDocument;
  const isListPara = (el) => el && el.nodeType === 1 && el.nodeName === "P"
    && /mso-list\s*:\s*l\d+\s+level\d+/i.test(el.getAttribute("data-mh-style") || "");
  const paras = Array.from(root.querySelectorAll("p")).filter(isListPara);
  const seen = new Set();
  for (const first of paras) {
    if (seen.has(first)) continue;
    const run = [];
    let el = first;
    while (el && (isListPara(el) || (el.nodeType === 3 && !el.textContent.trim()))) {
      if (el.nodeType === 1) {
        run.push(el);
        seen.add(el);
      }
      el = el.nextSibling;
    }
    const top = { level: 0, list: null, item: null, parent: null };
    const stack = [top];
    const anchor = doc.createElement("div");
    first.parentNode.insertBefore(anchor, first);
    for (const p of run) {
      const level = Number((/level(\d+)/i.exec(p.getAttribute("data-mh-style")) || [0, 1])[1]);
      const marker = p.querySelector("[data-mh-list-marker]");
      const markerText = marker ? marker.textContent.replace(/\s+/g, "") : "";
      if (marker) marker.remove();
      const ordered = /^(\(?[0-9]+|[a-z]|[ivxlc]+)[.)]$/i.test(markerText);
      while (stack.length > 1 && stack[stack.length - 1].level > level) stack.pop();
      let frame = stack[stack.length - 1];
      if (frame.level < level) {
        const list = doc.createElement(ordered ? "ol" : "ul");
        const host = frame.item || anchor;
        host.appendChild(list);
        frame = { level, list, item: null };
        stack.push(frame);
      }
      const li = doc.createElement("li");
      const para = doc.createElement("p");
      while (p.firstChild) para.appendChild(p.firstChild);
      li.appendChild(para);
      frame.list.appendChild(li);
      frame.item = li;
      p.remove();
    }
    unwrap(anchor);
  }
}

function isWordHtml(html) {
  return /class="?Mso|urn:schemas-microsoft-com|mso-[a-z-]+\s*:|<o:p>/i.test(html);
}

/** Inline styles are read as data, never applied (CSP): renamed before the markup is parsed anywhere. */
function renameStyleAttributes(html) {
  return html.replace(/<[a-z][^<>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, "$1data-mh-style$2"));
}

/** Cleans clipboard HTML from Word, Google Docs and the web; HTML copied from a ProseMirror editor is kept as is. */
export function cleanPastedHTML(html) {
  if (!html) return html;
  if (/data-pm-slice/.test(html)) return renameStyleAttributes(html);
  const fromWord = isWordHtml(html);
  let s = html
    // Word's hidden conditional blocks and ordinary comments (incl. <!--StartFragment-->).
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    // Word's bullet/number markers, kept aside for rebuildWordLists.
    .replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, "<span data-mh-list-marker>$1</span>")
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, "")
    .replace(/<(style|script|xml|title|head|noscript|template|iframe|object|svg|math|button|select|textarea)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(meta|link|base|input|embed|param|col|wbr)\b[^>]*>/gi, "")
    .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, "");
  s = renameStyleAttributes(s);

  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${s}</body></html>`, "text/html");
  const root = doc.body;

  if (fromWord) rebuildWordLists(root);

  // Google Docs' whole-clipboard wrapper.
  for (const b of Array.from(root.querySelectorAll('b[id^="docs-internal-guid"]'))) unwrap(b);

  // Footnotes from a rendered page: the reference gets its note's text back from the notes list when that was
  // copied too; a number without its note means nothing.
  for (const sup of Array.from(root.querySelectorAll("sup.footnote-ref:not([data-footnote])"))) {
    const a = sup.querySelector('a[href^="#"]');
    const note = a && root.querySelector(`li[id="${CSS.escape(a.getAttribute("href").slice(1))}"]`);
    if (note) {
      const clone = note.cloneNode(true);
      for (const back of clone.querySelectorAll(".footnote-back")) back.remove();
      const textValue = clone.textContent.replace(/\s+/g, " ").trim();
      if (textValue) {
        sup.replaceChildren();
        sup.setAttribute("data-footnote", textValue);
        continue;
      }
    }
    sup.remove();
  }
  for (const section of Array.from(root.querySelectorAll("section.footnotes"))) section.remove();
  // Styles to semantics: bold/italic/monospace runs become strong/em/code; "not bold" bold tags are dropped.
  for (const el of Array.from(root.querySelectorAll("[data-mh-style]"))) {
    const style = parseStyle(el.getAttribute("data-mh-style"));
    const name = el.nodeName;
    const weight = style["font-weight"] || "";
    if ((name === "B" || name === "STRONG") && /^(normal|[1-4]00|lighter)$/.test(weight)) {
      const span = doc.createElement("span");
      while (el.firstChild) span.appendChild(el.firstChild);
      el.replaceWith(span);
      continue;
    }
    if ((name === "I" || name === "EM") && style["font-style"] === "normal") {
      const span = doc.createElement("span");
      while (el.firstChild) span.appendChild(el.firstChild);
      el.replaceWith(span);
      continue;
    }
    const inline = !el.matches(`${BLOCKS}, ul, ol, table, tr, tbody, thead, div, figure, aside, section, article`);
    const heading = /^H[1-6]$/.test(name) || name === "TH";
    if (isBold(weight) && !heading && name !== "B" && name !== "STRONG" && !el.closest("h1,h2,h3,h4,h5,h6,th")) {
      wrapChildren(el, "strong");
    }
    if (style["font-style"] === "italic" && name !== "I" && name !== "EM") wrapChildren(el, "em");
    if (inline && /courier|consolas|monaco|menlo|monospace/.test(style["font-family"] || "") && !el.closest("code, pre")) {
      wrapChildren(el, "code");
    }
  }

  // Attributes: keep only what parse rules read (class without Office's Mso*, data-* except our scratch ones).
  for (const el of Array.from(root.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("data-") && !name.startsWith("data-mh-")) continue;
      if (!KEEP_ATTRS.has(name)) el.removeAttribute(attr.name);
    }
    if (el.hasAttribute("class")) {
      const kept = el.getAttribute("class").split(/\s+/).filter((c) => c && !/^mso|^(c\d+|kix-)/i.test(c));
      if (kept.length) el.setAttribute("class", kept.join(" "));
      else el.removeAttribute("class");
    }
    if (el.id && /^(docs-internal|_|ftn|edn|OLE_)/i.test(el.id)) el.removeAttribute("id");
  }

  // Images we can't keep (file:, data:, blob: from Word and local apps).
  for (const img of Array.from(root.querySelectorAll("img"))) {
    if (!isKeptImageSrc(img.getAttribute("src"))) img.remove();
  }
  // Links we can't keep lose the link, keep the text.
  for (const a of Array.from(root.querySelectorAll("a"))) {
    if (!isSafeHref(a.getAttribute("href") || "")) unwrap(a);
  }
  // A paragraph holding only pictures is the pictures (else an empty paragraph is left behind the image block).
  for (const p of Array.from(root.querySelectorAll("p"))) {
    const imgs = p.querySelectorAll("img");
    if (imgs.length && !p.textContent.trim() && p.querySelectorAll("*").length === imgs.length) p.replaceWith(...imgs);
  }
  // Code blocks: monospace lines in one paragraph.
  for (const pre of Array.from(root.querySelectorAll("pre"))) {
    const p = doc.createElement("p");
    const code = doc.createElement("code");
    const lines = pre.textContent.replace(/\n$/, "").split("\n");
    lines.forEach((line, i) => {
      if (i) code.appendChild(doc.createElement("br"));
      code.appendChild(doc.createTextNode(line));
    });
    p.appendChild(code);
    pre.replaceWith(p);
  }
  // Presentational wrappers go, their text stays.
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (UNWRAP.has(el.nodeName) && !(el.nodeName === "SPAN" && el.hasAttribute("class"))
      && !(el.nodeName === "SUP" && el.hasAttribute("data-footnote"))) unwrap(el);
  }
  if (fromWord) {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.nodeValue.includes("\u00a0")) t.nodeValue = t.nodeValue.replace(/\u00a0/g, " ");
    }
  }
  // Empty paragraphs and stray line breaks between blocks are spacing, not content.
  for (const el of Array.from(root.querySelectorAll("p, h1, h2, h3, h4, h5, h6, div"))) {
    if (!el.textContent.replace(/[\s\u00a0\u200b]/g, "") && !el.querySelector("img, hr, table, iframe, [data-embed-url]")) el.remove();
  }
  for (const br of Array.from(root.querySelectorAll("br"))) {
    const parent = br.parentNode;
    if (parent === root || (parent && /^(DIV|LI|BLOCKQUOTE|TD|TH)$/.test(parent.nodeName) && parent.querySelector(":scope > p, :scope > ul, :scope > ol"))) br.remove();
  }
  return root.innerHTML;
}

// ---------------------------------------------------------------------------------------------------------------

/** The hosts writers paste embeddable addresses from: the server's one list (EmbedProviders), on the form. */
function providerHosts() {
  const form = document.getElementById("editor");
  return ((form && form.dataset.embedHosts) || "").split(/\s+/).filter(Boolean);
}

/** A bare address from one of the embed providers (the server has the final word on the exact address). */
export function looksEmbeddable(text) {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    const host = new URL(text).hostname.toLowerCase();
    return providerHosts().some((known) => host === known || host.endsWith("." + known));
  } catch (e) {
    return false;
  }
}

function withoutRawHtml(fragment) {
  const out = [];
  fragment.forEach((node) => {
    if (node.type === schema.nodes.raw_html) return;
    out.push(node.isLeaf || node.isText ? node : node.copy(withoutRawHtml(node.content)));
  });
  return Fragment.from(out);
}

function containsRawHtml(fragment) {
  let found = false;
  fragment.descendants((node) => {
    if (node.type === schema.nodes.raw_html) found = true;
    return !found;
  });
  return found;
}

/** Paste/drop behaviour. `ctx` = {config, notify, announce}. */
export function pastePlugin(ctx) {
  return new Plugin({
    props: {
      transformPastedHTML: (html) => cleanPastedHTML(html),
      transformPasted(slice) {
        if (ctx.config.canRawHtml || !containsRawHtml(slice.content)) return slice;
        ctx.announce("Raw HTML blocks were left out: only editors can add them.");
        return new Slice(withoutRawHtml(slice.content), slice.openStart, slice.openEnd);
      },
      handlePaste(view, event) {
        const data = event.clipboardData;
        if (!data) return false;
        const files = Array.from(data.files || []).filter((f) => f.type.startsWith("image/"));
        if (files.length) {
          event.preventDefault();
          uploadImages(view, files, view.state.selection.from, ctx);
          return true;
        }
        const text = (data.getData("text/plain") || "").trim();
        if (!/^(https?:\/\/|mailto:)\S+$/i.test(text)) return false;
        const { state } = view;
        const { $from, empty } = state.selection;
        if (!empty && isSafeHref(text) && $from.parent.inlineContent) {
          // An address pasted over selected text links that text.
          view.dispatch(state.tr.addMark(state.selection.from, state.selection.to, schema.marks.link.create({ href: text })));
          return true;
        }
        const link = schema.text(text, [schema.marks.link.create({ href: text })]);
        const emptyParagraph = empty && $from.parent.type === schema.nodes.paragraph && $from.parent.content.size === 0;
        if (!emptyParagraph || !looksEmbeddable(text) || !ctx.config.embedUrl) {
          // A bare address goes in as a link to itself.
          if (!isSafeHref(text) || !$from.parent.inlineContent) return false;
          view.dispatch(state.tr.replaceSelectionWith(link, false).removeStoredMark(schema.marks.link).scrollIntoView());
          return true;
        }
        // On an empty line a provider's address goes in as a link at once and becomes an embed when the server
        // accepts it (a refused one just stays a link).
        const tr = state.tr.replaceSelectionWith(link, false);
        view.dispatch(tr);
        const start = tr.mapping.map($from.before(), -1);
        resolveEmbed(ctx.config, text).then((embed) => {
          const current = view.state;
          const para = current.doc.nodeAt(start);
          if (!para || para.type !== schema.nodes.paragraph || para.textContent !== text) return;
          const node = schema.nodes.embed.create({ url: embed.url || text, provider: embed.provider || "", title: embed.title || "" });
          const end = start + para.nodeSize;
          const $end = current.doc.resolve(end);
          const last = $end.index() >= $end.parent.childCount;
          const wasInside = current.selection.from >= start && current.selection.to <= end;
          const tr2 = current.tr.replaceWith(start, end, last ? [node, schema.nodes.paragraph.create()] : node);
          if (wasInside) {
            const after = start + node.nodeSize;
            const next = tr2.doc.nodeAt(after);
            if (next && next.isTextblock) tr2.setSelection(TextSelection.create(tr2.doc, after + 1));
          }
          view.dispatch(tr2);
          ctx.announce(`${embed.providerName || "Embed"} added.`);
        }, () => { /* refused: it stays a link */ });
        return true;
      },
      handleDrop(view, event, slice, moved) {
        if (moved || !event.dataTransfer) return false;
        const files = Array.from(event.dataTransfer.files || []);
        if (!files.length) return false;
        const coords = view.posAtCoords({ left: event.clientX, top: event.clientY });
        const pos = coords ? coords.pos : view.state.selection.from;
        event.preventDefault();
        uploadImages(view, files, pos, ctx);
        return true;
      },
    },
  });
}
