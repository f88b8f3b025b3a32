// The block document's schema: node and mark names and attrs are the contract with the server (docs/body-format.md).
// parseDOM rules read pasted HTML (Word, Google Docs, the web) and Masthead's own rendered HTML back into blocks;
// toDOM is what the clipboard carries between editors, so every toDOM parses back to the same node.
import { Schema, Fragment } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";

/** Links may only point to http(s) and mailto addresses. */
export function isSafeHref(href) {
  return typeof href === "string" && /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}

/** Image addresses we keep from pasted HTML: absolute http(s) or site-relative; never file:, data:, blob:. */
export function isKeptImageSrc(src) {
  return typeof src === "string" && (/^https?:\/\//i.test(src) || /^\/(?!\/)/.test(src));
}

function int(value) {
  if (value == null || value === "") return null;
  const n = parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

function text(el) {
  return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
}

const SIZES = ["column", "wide", "full"];

function sizeOf(dom) {
  const data = dom.getAttribute("data-size");
  if (SIZES.includes(data)) return data;
  for (const size of SIZES) if (dom.classList.contains(`figure--${size}`)) return size;
  return "column";
}

/** Caption and credit from a figure's figcaption: `.figure__credit`/`small`/`[data-credit]` hold the credit. */
function captionParts(figure) {
  const figcaption = Array.from(figure.children).find((c) => c.nodeName === "FIGCAPTION");
  let caption = figure.getAttribute("data-caption");
  let credit = figure.getAttribute("data-credit");
  if (figcaption) {
    const clone = figcaption.cloneNode(true);
    const creditEl = clone.querySelector(".figure__credit, .credit, small");
    if (credit == null) credit = text(creditEl);
    if (creditEl) creditEl.remove();
    const captionEl = clone.querySelector(".figure__caption");
    if (caption == null) caption = text(captionEl || clone);
  }
  return { caption: caption || "", credit: credit || "" };
}

function imageAttrsFromFigure(figure) {
  const imgs = figure.querySelectorAll("img");
  const mediaId = int(figure.getAttribute("data-media-id"));
  if (imgs.length > 1) return false;
  const img = imgs[0];
  let src = figure.getAttribute("data-src") || (img && img.getAttribute("src")) || null;
  if (src && !isKeptImageSrc(src)) src = null;
  if (mediaId == null && !src) return false;
  return {
    mediaId,
    src,
    alt: figure.getAttribute("data-alt") ?? (img ? img.getAttribute("alt") || "" : ""),
    ...captionParts(figure),
    size: sizeOf(figure),
    width: int(figure.getAttribute("data-width") ?? (img && img.getAttribute("width"))),
    height: int(figure.getAttribute("data-height") ?? (img && img.getAttribute("height"))),
  };
}

/** Builds a detached element holding `nodes` (cloned), for rules whose content lives in several places. */
function holder(dom, nodes) {
  const div = dom.ownerDocument.createElement("div");
  for (const node of nodes) div.appendChild(node.cloneNode(true));
  return div;
}

function attributionElement(dom, inlineNodes) {
  const p = dom.ownerDocument.createElement("p");
  p.className = "quote__attribution";
  for (const node of inlineNodes) p.appendChild(node.cloneNode(true));
  return p;
}

const DASH = /^\s*[—–―-]{1,2}\s*/;

/**
 * The content of a quote: the blockquote's paragraphs, then an attribution from a figcaption, a trailing
 * `<cite>`/`<footer>`, or a last paragraph that starts with a dash.
 */
function quoteContent(blockquote, figcaption) {
  const children = Array.from(blockquote.childNodes);
  let attribution = null;
  if (figcaption) {
    const clone = figcaption.cloneNode(true);
    const first = firstText(clone);
    if (first) first.textContent = first.textContent.replace(DASH, "");
    attribution = attributionElement(blockquote, clone.childNodes);
  } else {
    const elements = children.filter((c) => c.nodeType === 1);
    const last = elements[elements.length - 1];
    if (last && elements.length > 1 && (last.nodeName === "FOOTER" || last.nodeName === "CITE"
        || (last.nodeName === "P" && last.classList.contains("quote__attribution")))) {
      attribution = attributionElement(blockquote, last.childNodes);
      children.splice(children.indexOf(last), 1);
    } else if (last && elements.length > 1 && last.nodeName === "P" && DASH.test(last.textContent)) {
      const clone = last.cloneNode(true);
      const first = firstText(clone);
      if (first) first.textContent = first.textContent.replace(DASH, "");
      attribution = attributionElement(blockquote, clone.childNodes);
      children.splice(children.indexOf(last), 1);
    }
  }
  const div = holder(blockquote, children);
  if (attribution) div.appendChild(attribution);
  return div;
}

function firstText(node) {
  const walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let t = walker.nextNode();
  while (t && !t.textContent.trim()) t = walker.nextNode();
  return t;
}

function withoutFirst(dom, selector) {
  const skip = dom.querySelector(selector);
  return holder(dom, Array.from(dom.childNodes).filter((c) => c !== skip));
}

const nodes = {
  doc: { content: "block+" },

  paragraph: {
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: "p" }],
    toDOM: () => ["p", 0],
  },

  heading: {
    attrs: { level: { default: 2 } },
    content: "inline*",
    group: "block",
    defining: true,
    parseDOM: [
      { tag: "h1", attrs: { level: 2 } },
      { tag: "h2", attrs: { level: 2 } },
      { tag: "h3", attrs: { level: 3 } },
      { tag: "h4", attrs: { level: 4 } },
      { tag: "h5", attrs: { level: 4 } },
      { tag: "h6", attrs: { level: 4 } },
    ],
    toDOM: (node) => [`h${Math.min(4, Math.max(2, node.attrs.level))}`, 0],
  },

  bullet_list: {
    content: "list_item+",
    group: "block",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => ["ul", 0],
  },

  ordered_list: {
    attrs: { start: { default: 1 } },
    content: "list_item+",
    group: "block",
    parseDOM: [{ tag: "ol", getAttrs: (dom) => ({ start: int(dom.getAttribute("start")) ?? 1 }) }],
    toDOM: (node) => (node.attrs.start === 1 ? ["ol", 0] : ["ol", { start: node.attrs.start }, 0]),
  },

  list_item: {
    content: "paragraph block*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },

  quote: {
    content: "paragraph+ attribution?",
    group: "block",
    defining: true,
    parseDOM: [
      {
        tag: "figure.quote",
        priority: 60,
        contentElement: (dom) => {
          const blockquote = dom.querySelector("blockquote") || dom;
          const figcaption = Array.from(dom.children).find((c) => c.nodeName === "FIGCAPTION");
          return quoteContent(blockquote, figcaption);
        },
      },
      { tag: "blockquote", contentElement: (dom) => quoteContent(dom, null) },
    ],
    toDOM: () => ["blockquote", { class: "quote" }, 0],
  },

  attribution: {
    content: "inline*",
    defining: true,
    parseDOM: [
      { tag: "p.quote__attribution", context: "quote/", priority: 60 },
      { tag: "figcaption", context: "quote/", priority: 60 },
    ],
    toDOM: () => ["p", { class: "quote__attribution" }, 0],
  },

  pullquote: {
    attrs: { attribution: { default: "" } },
    content: "text*",
    group: "block",
    defining: true,
    parseDOM: [
      {
        tag: "aside.pullquote",
        priority: 60,
        getAttrs: (dom) => ({
          attribution: dom.getAttribute("data-attribution")
            ?? text(dom.querySelector(".pullquote__attribution, cite, footer, figcaption")).replace(DASH, ""),
        }),
        contentElement: (dom) => dom.querySelector(".pullquote__text") || dom.querySelector("p")
          || dom.querySelector("blockquote") || withoutFirst(dom, ".pullquote__attribution, cite, footer, figcaption"),
      },
    ],
    toDOM: (node) => ["aside", { class: "pullquote", "data-attribution": node.attrs.attribution },
      ["p", { class: "pullquote__text" }, 0],
      ...(node.attrs.attribution ? [["cite", { class: "pullquote__attribution" }, node.attrs.attribution]] : [])],
  },

  image: {
    attrs: {
      mediaId: { default: null },
      src: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
      size: { default: "column" },
      width: { default: null },
      height: { default: null },
    },
    group: "block",
    atom: true,
    parseDOM: [
      { tag: "figure.figure", priority: 60, getAttrs: imageAttrsFromFigure },
      { tag: "figure[data-media-id]", priority: 55, getAttrs: imageAttrsFromFigure },
      { tag: "figure", priority: 40, getAttrs: (dom) => (dom.querySelector("img") ? imageAttrsFromFigure(dom) : false) },
      {
        tag: "img[src]",
        getAttrs: (dom) => {
          const src = dom.getAttribute("src");
          if (!isKeptImageSrc(src)) return false;
          return {
            src,
            alt: dom.getAttribute("alt") || "",
            width: int(dom.getAttribute("width")),
            height: int(dom.getAttribute("height")),
          };
        },
      },
    ],
    toDOM: (node) => {
      const { mediaId, src, alt, caption, credit, size, width, height } = node.attrs;
      const figcaption = caption || credit
        ? [["figcaption",
          ["span", { class: "figure__caption" }, caption],
          ...(credit ? [" ", ["span", { class: "figure__credit" }, credit]] : [])]]
        : [];
      return ["figure", {
        class: `figure figure--${size}`,
        "data-media-id": mediaId == null ? null : String(mediaId),
        "data-size": size,
        "data-caption": caption,
        "data-credit": credit,
      }, ["img", { src: src || "", alt, width: width == null ? null : String(width), height: height == null ? null : String(height) }],
      ...figcaption];
    },
  },

  gallery: {
    attrs: { caption: { default: "" } },
    content: "image+",
    group: "block",
    parseDOM: [
      {
        tag: "figure.gallery",
        priority: 70,
        getAttrs: (dom) => ({
          caption: dom.getAttribute("data-caption")
            ?? text(Array.from(dom.children).find((c) => c.nodeName === "FIGCAPTION")),
        }),
        // The pictures, whatever wraps them (ul/li on the rendered page, a div in the clipboard).
        contentElement: (dom) => holder(dom, Array.from(dom.querySelectorAll("figure, img"))
          .filter((el) => (el.nodeName === "FIGURE" ? el.parentElement.closest("figure") === dom : el.closest("figure") === dom))),
      },
    ],
    toDOM: (node) => ["figure", { class: "gallery", "data-caption": node.attrs.caption },
      ["div", { class: "gallery__items" }, 0]],
  },

  embed: {
    attrs: { url: { default: "" }, provider: { default: "" }, title: { default: "" } },
    group: "block",
    atom: true,
    parseDOM: [
      {
        tag: "[data-embed-url]",
        priority: 70,
        getAttrs: (dom) => ({
          url: dom.getAttribute("data-embed-url"),
          provider: dom.getAttribute("data-embed-provider") || dom.getAttribute("data-provider") || "",
          title: dom.getAttribute("data-embed-title") || dom.getAttribute("data-title") || "",
        }),
      },
    ],
    toDOM: (node) => ["figure", {
      class: "embed",
      "data-embed-url": node.attrs.url,
      "data-embed-provider": node.attrs.provider,
      "data-embed-title": node.attrs.title,
    }, ["a", { href: node.attrs.url }, node.attrs.title || node.attrs.url]],
  },

  ...tableNodes({ tableGroup: "block", cellContent: "paragraph+", cellAttributes: {} }),

  divider: {
    group: "block",
    atom: true,
    parseDOM: [{ tag: "hr" }],
    toDOM: () => ["hr"],
  },

  callout: {
    attrs: { title: { default: "Fact box" } },
    content: "(paragraph | heading | bullet_list | ordered_list)+",
    group: "block",
    defining: true,
    parseDOM: [
      {
        tag: "aside.callout",
        priority: 60,
        // The rendered page has <p class="callout__title"> only when the title isn't blank.
        getAttrs: (dom) => {
          const data = dom.getAttribute("data-title");
          if (data != null) return { title: data };
          return { title: text(dom.querySelector(".callout__title")) };
        },
        contentElement: (dom) => {
          const body = dom.querySelector(".callout__body");
          if (body) return body;
          if (dom.querySelector(".callout__title")) return withoutFirst(dom, ".callout__title");
          return dom;
        },
      },
    ],
    toDOM: (node) => ["aside", { class: "callout", "data-title": node.attrs.title },
      ["p", { class: "callout__title" }, node.attrs.title],
      ["div", { class: "callout__body" }, 0]],
  },

  // Preformatted text (code, a poem's spacing) from Markdown fences and <pre>; no formatting inside.
  code_block: {
    content: "text*",
    marks: "",
    group: "block",
    code: true,
    defining: true,
    parseDOM: [{ tag: "pre", preserveWhitespace: "full" }],
    toDOM: () => ["pre", { class: "mh-code" }, ["code", 0]],
  },

  raw_html: {
    attrs: { html: { default: "" } },
    group: "block",
    atom: true,
    parseDOM: [{ tag: "div[data-raw-html]", priority: 70, getAttrs: (dom) => ({ html: dom.getAttribute("data-raw-html") }) }],
    toDOM: (node) => ["div", { class: "raw-html", "data-raw-html": node.attrs.html }],
  },

  text: { group: "inline" },

  hard_break: {
    inline: true,
    group: "inline",
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },

  footnote: {
    inline: true,
    group: "inline",
    content: "text*",
    atom: true,
    parseDOM: [
      {
        tag: "sup[data-footnote]",
        priority: 70,
        getContent: (dom, schema) => {
          const note = dom.getAttribute("data-footnote") || "";
          return note ? Fragment.from(schema.text(note)) : Fragment.empty;
        },
      },
    ],
    toDOM: (node) => ["sup", { class: "footnote-ref", "data-footnote": node.textContent }, "*"],
  },
};

const BOLD_WEIGHT = /^(bold|bolder|[6-9]00)$/;

const marks = {
  link: {
    attrs: { href: {}, title: { default: null } },
    inclusive: false,
    parseDOM: [{
      tag: "a[href]",
      getAttrs: (dom) => {
        const href = (dom.getAttribute("href") || "").trim();
        if (!isSafeHref(href)) return false;
        return { href, title: dom.getAttribute("title") || null };
      },
    }],
    toDOM: (mark) => ["a", { href: mark.attrs.href, title: mark.attrs.title, rel: "noopener" }, 0],
  },

  strong: {
    parseDOM: [
      { tag: "strong" },
      {
        // Google Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-…">.
        tag: "b",
        getAttrs: (dom) => {
          if ((dom.id || "").startsWith("docs-internal-guid")) return false;
          const style = dom.getAttribute("data-mh-style") || "";
          return /font-weight\s*:\s*(normal|[1-4]00)/i.test(style) ? false : null;
        },
      },
      { style: "font-weight", getAttrs: (value) => BOLD_WEIGHT.test(value) && null },
    ],
    toDOM: () => ["strong", 0],
  },

  em: {
    parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
    toDOM: () => ["em", 0],
  },

  code: {
    parseDOM: [{ tag: "code" }, { tag: "kbd" }, { tag: "samp" }, { tag: "tt" }],
    toDOM: () => ["code", 0],
  },
};

export const schema = new Schema({ nodes, marks });
