// Masthead's block editor: mounts on <form id="editor"> in place of the Markdown textarea, keeps the hidden
// bodyDocument input in sync with the document (ProseMirror JSON, version 1), and tells the page about changes
// with a bubbling "masthead:body-change" event. Without JavaScript, or if this fails, the textarea just works.
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { history } from "prosemirror-history";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { tableEditing, isInTable } from "prosemirror-tables";
import { schema } from "./schema.js";
import { h } from "./dom.js";
import { nodeViews } from "./nodeviews.js";
import { createDialogs } from "./dialogs.js";
import { pastePlugin } from "./paste.js";
import { uploadPlaceholders } from "./uploads.js";
import { slashMenu } from "./slash-menu.js";
import { buildKeymap, buildInputRules } from "./keymap.js";
import { placeholders, quoteAttributions, addMissingAttributions, documentJSON } from "./plugins.js";
import { actions } from "./blocks.js";
import { Toolbar, tableItems } from "./toolbar.js";
import { stats, formatStats } from "./stats.js";

function ensureStylesheet() {
  const href = new URL("./editor.css", import.meta.url).href;
  const present = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((l) => l.href === href);
  if (!present) document.head.appendChild(h("link", { rel: "stylesheet", href }));
}

function hiddenInput(form, name) {
  let input = form.querySelector(`input[name="${name}"]`);
  if (!input) {
    input = h("input", { type: "hidden", name });
    form.appendChild(input);
  }
  return input;
}

/** Out-of-range attrs from older converters are brought into range (heading 1 → 2, 5/6 → 4; unknown sizes → column). */
function tidy(node) {
  if (!node || typeof node !== "object") return node;
  if (node.type === "heading" && node.attrs) {
    const level = Number(node.attrs.level) || 2;
    node.attrs.level = Math.min(4, Math.max(2, level));
  }
  if (node.type === "image" && node.attrs && !["column", "wide", "full"].includes(node.attrs.size)) node.attrs.size = "column";
  if (Array.isArray(node.content)) node.content = node.content.map(tidy);
  return node;
}

/** The stored document, or an empty paragraph. Throws when it can't be edited here (invalid or newer version). */
function loadDocument(script) {
  const raw = script ? script.textContent.trim() : "";
  if (!raw || raw === "null") return schema.nodes.doc.create(null, schema.nodes.paragraph.create());
  const json = JSON.parse(raw);
  if (!json || json.type !== "doc") throw new Error("body-document is not a block document");
  if (json.version != null && json.version > 1) throw new Error(`body-document version ${json.version} is newer than this editor`);
  if (!Array.isArray(json.content) || !json.content.length) return schema.nodes.doc.create(null, schema.nodes.paragraph.create());
  const doc = schema.nodeFromJSON({ type: "doc", content: json.content.map(tidy) });
  doc.check();
  return doc;
}

function mount() {
  const form = document.getElementById("editor");
  if (!form) return;
  const textarea = form.querySelector("#bodyMarkdown");
  const field = document.getElementById("body-field") || (textarea && textarea.closest(".field")) || textarea;
  const csrfInput = form.querySelector('input[name="_csrf"]');

  let doc;
  try {
    doc = loadDocument(document.getElementById("body-document"));
  } catch (error) {
    console.warn("Masthead editor: keeping the Markdown textarea.", error);
    if (field) field.appendChild(h("p", { class: "hint", role: "status" }, "The block editor could not open this body, so it is shown as Markdown."));
    return;
  }
  ensureStylesheet();

  const config = {
    uploadUrl: form.dataset.uploadUrl || "/admin/media/uploads",
    libraryUrl: form.dataset.libraryUrl || "/admin/media/library.json",
    embedUrl: form.dataset.embedUrl || "/admin/embeds/resolve",
    canRawHtml: form.dataset.canRawHtml === "true",
    csrf: () => (csrfInput ? csrfInput.value : ""),
  };

  let statsEl = document.getElementById("body-stats");
  if (!statsEl) {
    statsEl = h("p", { id: "body-stats", "aria-live": "polite" });
    form.appendChild(statsEl);
  }

  // Layout: label, sticky bar (toolbar + table toolbar), notices, the editable surface.
  const announcer = h("div", { class: "mh-visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  const notices = h("div", { class: "mh-editor__notices" });
  const surface = h("div", { class: "mh-editor__surface" });
  const bar = h("div", { class: "mh-editor__bar" });
  const wrapper = h("div", { class: "mh-editor" },
    h("div", { class: "mh-editor__label", id: "mh-body-label" }, "Body"),
    bar, notices, surface, announcer);
  if (field && field.parentNode) field.parentNode.insertBefore(wrapper, field);
  else form.insertBefore(wrapper, form.firstChild);
  const dialogHost = h("div", { class: "mh-dialogs" });
  form.insertAdjacentElement("afterend", dialogHost);

  let announceTimer = null;
  const ctx = {
    config,
    wrapper,
    view: null,
    toolbar: null,
    announce(message) {
      clearTimeout(announceTimer);
      announcer.textContent = "";
      announceTimer = setTimeout(() => { announcer.textContent = message; }, 50);
    },
    notify(message) {
      const dismiss = h("button", { type: "button", class: "mh-notice__dismiss" }, "Dismiss");
      const notice = h("div", { class: "mh-notice", role: "alert" }, h("p", { class: "mh-notice__text" }, message), dismiss);
      dismiss.addEventListener("click", () => {
        notice.remove();
        if (ctx.view) ctx.view.focus();
      });
      notices.appendChild(notice);
    },
  };
  ctx.dialogs = createDialogs(dialogHost, config);

  const allActions = actions(ctx);
  let state = EditorState.create({
    doc,
    plugins: [
      slashMenu(ctx, allActions),
      uploadPlaceholders,
      pastePlugin(ctx),
      buildInputRules(),
      ...buildKeymap(ctx),
      dropCursor({ color: "#0b5cad", width: 3 }),
      gapCursor(),
      history(),
      placeholders(),
      quoteAttributions(),
      tableEditing(),
    ],
  });
  const fix = addMissingAttributions(state);
  if (fix) state = state.apply(fix.setMeta("addToHistory", false));

  const bodyFormat = hiddenInput(form, "bodyFormat");
  const bodyDocument = hiddenInput(form, "bodyDocument");

  let statsTimer = null;
  const renderStats = () => { statsEl.textContent = formatStats(stats(view.state.doc)); };

  function changed() {
    bodyDocument.value = JSON.stringify(documentJSON(view.state.doc));
    form.dispatchEvent(new CustomEvent("masthead:body-change", { bubbles: true }));
    clearTimeout(statsTimer);
    statsTimer = setTimeout(renderStats, 800); // after a pause, so a screen reader isn't told every keystroke
  }

  const view = new EditorView(surface, {
    state,
    nodeViews: nodeViews(ctx),
    attributes: {
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": "Article body",
      "aria-describedby": statsEl.id,
      class: "mh-editor__content",
      spellcheck: "true",
    },
    dispatchTransaction(tr) {
      const before = view.state.doc;
      view.updateState(view.state.apply(tr));
      updateBars(view.state);
      if (view.state.doc !== before) changed();
    },
  });
  ctx.view = view;

  // Undo/redo first, like most editors; then text style, paragraph style, insert.
  const toolbarItems = [...allActions.filter((a) => a.toolbar === "history"), ...allActions.filter((a) => a.toolbar && a.toolbar !== "history")];
  const toolbar = new Toolbar({
    label: "Formatting",
    className: "mh-toolbar",
    view,
    items: toolbarItems,
    groups: { history: "History", marks: "Text style", blocks: "Paragraph style", insert: "Insert" },
  });
  const tableToolbar = new Toolbar({ label: "Table", className: "mh-toolbar mh-toolbar--table", view, items: tableItems() });
  tableToolbar.el.hidden = true;
  bar.append(toolbar.el, tableToolbar.el);
  ctx.toolbar = toolbar;

  function updateBars(s) {
    toolbar.update(s);
    const inTable = isInTable(s);
    if (tableToolbar.el.hidden === inTable) tableToolbar.el.hidden = !inTable;
    if (inTable) tableToolbar.update(s);
  }

  view.dom.addEventListener("focus", () => wrapper.classList.add("is-focused"));
  view.dom.addEventListener("blur", () => wrapper.classList.remove("is-focused"));

  // The textarea stays in the page for reference but no longer takes part in the form.
  if (textarea) {
    textarea.removeAttribute("name");
    textarea.removeAttribute("required");
  }
  if (field) field.hidden = true;
  bodyFormat.value = "blocks";
  bodyDocument.value = JSON.stringify(documentJSON(view.state.doc));
  updateBars(view.state);
  renderStats();

  window.mastheadEditor = {
    view,
    getJSON: () => documentJSON(view.state.doc),
    focus: () => view.focus(),
  };
  form.dispatchEvent(new CustomEvent("masthead:editor-ready", { bubbles: true }));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
