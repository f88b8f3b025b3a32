// The actions behind the toolbar buttons and the slash menu: one list, so both offer the same blocks.
import { undo, redo } from "prosemirror-history";
import { isInTable } from "prosemirror-tables";
import { schema } from "./schema.js";
import {
  toggleStrong, toggleEm, toggleCode, markActive, toggleHeading, blockActive, toggleList, listActive, toggleQuote,
  insertQuoteBlock, togglePullquote, insertCallout, insertDivider, insertTable, insertBlock, canInsert, canInsertInline,
  insertFootnote, findParent, linkRange, setLink, removeLink,
} from "./commands.js";
import { imageAttrs } from "./uploads.js";
import { ICONS } from "./toolbar.js";

const { nodes, marks } = schema;

function exec(cmd) {
  return (view) => cmd(view.state, view.dispatch, view);
}

/** Opens the link dialog for the selection (Mod-K and the toolbar). */
export function openLinkDialog(view, ctx) {
  const range = linkRange(view.state);
  const mark = range && range.mark;
  ctx.dialogs.link.open({
    href: mark ? mark.attrs.href : "",
    title: mark ? mark.attrs.title : "",
    hasLink: !!mark,
    returnFocus: () => view.focus(),
    onApply: (href, title) => setLink(href, title)(view.state, view.dispatch),
    onRemove: () => removeLink(view.state, view.dispatch),
  });
  return "dialog";
}

export function openImageDialog(view, ctx) {
  ctx.dialogs.image.open({
    mode: "single",
    returnFocus: () => view.focus(),
    onPick: (items) => {
      const node = nodes.image.create(imageAttrs(items[0]));
      insertBlock(node)(view.state, view.dispatch);
      ctx.announce(items[0].alt ? "Image inserted." : "Image inserted. Add its alt text.");
    },
  });
  return "dialog";
}

export function openGalleryDialog(view, ctx) {
  ctx.dialogs.image.open({
    mode: "gallery",
    returnFocus: () => view.focus(),
    onPick: (items) => {
      const images = items.map((item) => nodes.image.create(imageAttrs(item)));
      insertBlock(nodes.gallery.create(null, images), { select: "node" })(view.state, view.dispatch);
      ctx.announce(`Gallery of ${images.length} inserted.`);
    },
  });
  return "dialog";
}

export function openEmbedDialog(view, ctx) {
  ctx.dialogs.embed.open({
    returnFocus: () => view.focus(),
    onEmbed: (attrs, providerName) => {
      insertBlock(nodes.embed.create(attrs))(view.state, view.dispatch);
      ctx.announce(`${providerName || "Embed"} inserted.`);
    },
  });
  return "dialog";
}

export function openNewFootnoteDialog(view, ctx) {
  ctx.dialogs.footnote.open({
    text: "",
    existing: false,
    returnFocus: () => view.focus(),
    onSave: (text) => insertFootnote(text)(view.state, view.dispatch),
  });
  return "dialog";
}

export function insertRawHtml(view, ctx) {
  if (!insertBlock(nodes.raw_html.create({ html: "" }), { select: "node" })(view.state, view.dispatch)) return false;
  const { from } = view.state.selection;
  const dom = view.nodeDOM(from);
  const textarea = dom && dom.querySelector && dom.querySelector("textarea");
  if (textarea) {
    textarea.focus();
    ctx.announce("Raw HTML block inserted.");
    return "dialog"; // focus is where it should be
  }
  return true;
}

/**
 * [{id, label, keywords, icon|text, keys, run(view) → true|"dialog", enabled(state), active?(state), toggle?}]
 * `slash` marks the entries the slash menu offers; `toolbar` the toolbar's (and its group).
 */
export function actions(ctx) {
  const list = [
    { id: "bold", label: "Bold", text: "B", ariaLabel: "Bold", className: "mh-toolbar__button--bold", keys: "Mod-b", toolbar: "marks", toggle: true,
      run: exec(toggleStrong), enabled: (s) => toggleStrong(s), active: (s) => markActive(s, marks.strong) },
    { id: "italic", label: "Italic", text: "I", ariaLabel: "Italic", className: "mh-toolbar__button--italic", keys: "Mod-i", toolbar: "marks", toggle: true,
      run: exec(toggleEm), enabled: (s) => toggleEm(s), active: (s) => markActive(s, marks.em) },
    { id: "link", label: "Link", icon: ICONS.link, keys: "Mod-k", toolbar: "marks", toggle: true,
      run: (view) => openLinkDialog(view, ctx), enabled: (s) => s.selection.$from.parent.inlineContent,
      active: (s) => markActive(s, marks.link) },
    { id: "code", label: "Inline code", icon: ICONS.code, keys: "Mod-`", toolbar: "marks", toggle: true,
      run: exec(toggleCode), enabled: (s) => toggleCode(s), active: (s) => markActive(s, marks.code) },

    ...[2, 3, 4].map((level) => ({
      id: `h${level}`, label: `Heading ${level}`, text: `H${level}`, ariaLabel: `Heading ${level}`, keys: `Mod-Alt-${level}`,
      keywords: `heading title subheading h${level}`, toolbar: "blocks", slash: true, toggle: true,
      run: exec(toggleHeading(level)), enabled: (s) => toggleHeading(level)(s),
      active: (s) => blockActive(s, nodes.heading, { level }),
    })),
    { id: "bullet_list", label: "Bullet list", icon: ICONS.bullets, keywords: "unordered list ul bullets", toolbar: "blocks", slash: true, toggle: true,
      run: exec(toggleList(nodes.bullet_list)), enabled: (s) => toggleList(nodes.bullet_list)(s), active: (s) => listActive(s, nodes.bullet_list) },
    { id: "ordered_list", label: "Numbered list", icon: ICONS.numbers, keywords: "ordered list ol numbers", toolbar: "blocks", slash: true, toggle: true,
      run: exec(toggleList(nodes.ordered_list)), enabled: (s) => toggleList(nodes.ordered_list)(s), active: (s) => listActive(s, nodes.ordered_list) },
    { id: "quote", label: "Quote", icon: ICONS.quote, keywords: "blockquote citation attribution", toolbar: "blocks", slash: true, toggle: true,
      run: (view) => (findParent(view.state, nodes.quote) ? toggleQuote : insertQuoteBlock)(view.state, view.dispatch),
      enabled: (s) => toggleQuote(s) || insertQuoteBlock(s), active: (s) => !!findParent(s, nodes.quote) },
    { id: "pullquote", label: "Pull quote", icon: ICONS.pullquote, keywords: "pullquote highlight", toolbar: "blocks", slash: true, toggle: true,
      run: exec(togglePullquote), enabled: (s) => togglePullquote(s), active: (s) => blockActive(s, nodes.pullquote) },

    { id: "image", label: "Image", icon: ICONS.image, keywords: "picture photo media upload", toolbar: "insert", slash: true,
      run: (view) => openImageDialog(view, ctx), enabled: (s) => canInsert(s, nodes.image) },
    { id: "gallery", label: "Gallery", icon: ICONS.gallery, keywords: "pictures photos slideshow", toolbar: "insert", slash: true,
      run: (view) => openGalleryDialog(view, ctx), enabled: (s) => canInsert(s, nodes.gallery) },
    { id: "embed", label: "Embed", icon: ICONS.embed, keywords: "video youtube tweet x social post", toolbar: "insert", slash: true,
      run: (view) => openEmbedDialog(view, ctx), enabled: (s) => canInsert(s, nodes.embed) },
    { id: "table", label: "Table", icon: ICONS.table, keywords: "grid rows columns", toolbar: "insert", slash: true,
      run: exec(insertTable), enabled: (s) => !isInTable(s) && insertTable(s) },
    { id: "divider", label: "Divider", icon: ICONS.divider, keywords: "hr rule line separator", toolbar: "insert", slash: true,
      run: exec(insertDivider), enabled: (s) => insertDivider(s) },
    { id: "callout", label: "Fact box", icon: ICONS.callout, keywords: "callout box aside info", toolbar: "insert", slash: true,
      run: exec(insertCallout), enabled: (s) => insertCallout(s) },
    { id: "footnote", label: "Footnote", icon: ICONS.footnote, keywords: "note reference source", toolbar: "insert", slash: true,
      run: (view) => openNewFootnoteDialog(view, ctx), enabled: (s) => canInsertInline(s, nodes.footnote) },
  ];
  if (ctx.config.canRawHtml) {
    list.push({ id: "raw_html", label: "Raw HTML", icon: ICONS.rawHtml, keywords: "html code custom", toolbar: "insert", slash: true,
      run: (view) => insertRawHtml(view, ctx), enabled: (s) => canInsert(s, nodes.raw_html) });
  }
  list.push(
    { id: "undo", label: "Undo", icon: ICONS.undo, keys: "Mod-z", toolbar: "history", run: exec(undo), enabled: (s) => undo(s) },
    { id: "redo", label: "Redo", icon: ICONS.redo, keys: "Mod-y", toolbar: "history", run: exec(redo), enabled: (s) => redo(s) },
  );
  return list;
}

export { exec };
