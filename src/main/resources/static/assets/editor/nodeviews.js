// Node views: how images, galleries, embeds, pull quotes, fact boxes, raw HTML and footnotes look and are edited
// inside the body. Their form controls sit in contenteditable=false areas; each change becomes one transaction
// (an AttrStep), so undo/redo work and the views just follow the document.
import { NodeSelection, TextSelection } from "prosemirror-state";
import { h, uid, keepEnterInside } from "./dom.js";
import { schema } from "./schema.js";
import { imageAttrs } from "./uploads.js";

const PROVIDERS = {
  youtube: "YouTube", vimeo: "Vimeo", x: "X", twitter: "X (Twitter)", telegram: "Telegram", instagram: "Instagram",
  facebook: "Facebook", tiktok: "TikTok", soundcloud: "SoundCloud", spotify: "Spotify", datawrapper: "Datawrapper",
  flourish: "Flourish",
};

export function providerName(provider) {
  if (!provider) return "Embed";
  return PROVIDERS[provider.toLowerCase()] || provider.charAt(0).toUpperCase() + provider.slice(1);
}

/** Shared behaviour: controls live in `this.controls`; events there are the view's, not ProseMirror's. */
class BaseView {
  constructor(node, view, getPos, ctx) {
    this.node = node;
    this.view = view;
    this.getPos = getPos;
    this.ctx = ctx;
    this.controlAreas = [];
  }

  area(className, ...children) {
    const el = h("div", { class: className, contenteditable: "false" }, ...children);
    this.controlAreas.push(el);
    el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.selectSelf();
      }
    });
    return el;
  }

  inControls(target) {
    return this.controlAreas.some((a) => a.contains(target));
  }

  stopEvent(event) {
    return this.inControls(event.target);
  }

  ignoreMutation(mutation) {
    if (!this.contentDOM) return true;
    if (this.inControls(mutation.target)) return true;
    return !this.contentDOM.contains(mutation.target);
  }

  setAttr(name, value) {
    const pos = this.getPos();
    if (pos == null) return;
    const node = this.view.state.doc.nodeAt(pos);
    if (!node || node.attrs[name] === value) return;
    // setNodeMarkup (a replace step over the node) rather than an AttrStep: history groups a burst of typing in
    // one field into one undo event only when the steps touch adjacent ranges.
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, { ...node.attrs, [name]: value }));
  }

  selectSelf() {
    const pos = this.getPos();
    if (pos == null) return;
    this.view.focus();
    const node = this.view.state.doc.nodeAt(pos);
    if (node && NodeSelection.isSelectable(node)) {
      this.view.dispatch(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)));
    }
  }

  removeSelf(what) {
    const pos = this.getPos();
    if (pos == null) return;
    const node = this.view.state.doc.nodeAt(pos);
    const tr = this.view.state.tr.delete(pos, pos + node.nodeSize);
    const $pos = tr.doc.resolve(Math.min(pos, tr.doc.content.size));
    tr.setSelection(TextSelection.near($pos));
    this.view.dispatch(tr.scrollIntoView());
    this.view.focus();
    this.ctx.announce(`${what} removed. Undo with Ctrl+Z.`);
  }

  /** A labelled text input bound to attrs[name]. */
  textField(label, name, { hint, multiline = false, className = "" } = {}) {
    const input = multiline ? h("textarea", { rows: "2", class: "mh-node-field__input" })
      : h("input", { type: "text", class: "mh-node-field__input", autocomplete: "off" });
    input.value = this.node.attrs[name] ?? "";
    input.addEventListener("input", () => this.setAttr(name, input.value));
    keepEnterInside(input); // single-paragraph values, and Enter must never submit the article form
    let hintEl = null;
    if (hint) {
      hintEl = h("span", { class: "mh-node-field__hint", id: uid("mh-hint") }, hint);
      input.setAttribute("aria-describedby", hintEl.id);
    }
    this.bound = this.bound || [];
    this.bound.push({ input, name });
    return h("label", { class: `mh-node-field ${className}` }, h("span", { class: "mh-node-field__label" }, label), input, hintEl);
  }

  syncBound() {
    for (const { input, name } of this.bound || []) {
      const value = this.node.attrs[name] ?? "";
      if (input.value !== String(value)) input.value = value;
    }
  }

  update(node) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.syncBound();
    this.refresh();
    return true;
  }

  refresh() {}
}

const SIZE_LABELS = { column: "Column width", wide: "Wide", full: "Full width" };

class ImageView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.inGallery = this.parentType() === schema.nodes.gallery;
    this.img = h("img", { class: "mh-image__img", alt: "" });
    // An address the page may not load (another site's picture, blocked by the CSP, or gone) shows a note instead.
    this.img.addEventListener("error", () => {
      if (!this.img.getAttribute("src")) return;
      this.img.hidden = true;
      this.missing.hidden = false;
      this.missing.textContent = `This picture can't be shown here: ${this.img.getAttribute("src")}`;
    });
    this.missing = h("div", { class: "mh-image__missing" });
    this.media = h("div", { class: "mh-image__media" }, this.img, this.missing);
    this.size = h("select", { class: "mh-node-field__input" },
      ...Object.entries(SIZE_LABELS).map(([value, label]) => h("option", { value }, label)));
    this.size.addEventListener("change", () => this.setAttr("size", this.size.value));
    const altField = this.textField("Alt text", "alt", { hint: "Describe the picture for readers who can't see it.", className: "mh-node-field--alt" });
    this.altHint = altField.querySelector(".mh-node-field__hint");
    const remove = h("button", { type: "button", class: "mh-node-button mh-node-button--danger" }, this.inGallery ? "Remove from gallery" : "Remove image");
    remove.addEventListener("click", () => this.removeSelf("Image"));
    const fields = this.area("mh-image__fields",
      altField,
      this.textField("Caption", "caption", { multiline: true }),
      this.textField("Credit", "credit"),
      this.inGallery ? null : h("label", { class: "mh-node-field mh-node-field--size" }, h("span", { class: "mh-node-field__label" }, "Size"), this.size),
      h("div", { class: "mh-node-actions" }, remove));
    this.dom = h("figure", { class: "mh-image" }, this.media, fields);
    this.refresh();
  }

  parentType() {
    const pos = this.getPos();
    if (pos == null) return null;
    try {
      return this.view.state.doc.resolve(pos).parent.type;
    } catch (e) {
      return null;
    }
  }

  refresh() {
    const { src, alt, size, mediaId, width, height } = this.node.attrs;
    this.dom.className = `mh-image mh-image--${this.inGallery ? "gallery" : size}${alt.trim() ? "" : " is-missing-alt"}`;
    if (src) {
      if (this.img.getAttribute("src") !== src) this.img.setAttribute("src", src);
      this.img.hidden = false;
      this.missing.hidden = true;
    } else {
      this.img.removeAttribute("src");
      this.img.hidden = true;
      this.missing.hidden = false;
      this.missing.textContent = mediaId != null ? `Library picture #${mediaId}` : "Picture without an address";
    }
    if (width && height) {
      this.img.setAttribute("width", String(width));
      this.img.setAttribute("height", String(height));
    }
    this.img.setAttribute("alt", alt);
    this.size.value = size;
    this.altHint.textContent = alt.trim() ? "Describe the picture for readers who can't see it."
      : "Missing: describe the picture for readers who can't see it.";
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }
}

class GalleryView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.contentDOM = h("div", { class: "mh-gallery__items" });
    const add = h("button", { type: "button", class: "mh-node-button" }, "Add pictures");
    add.addEventListener("click", () => this.addPictures());
    const remove = h("button", { type: "button", class: "mh-node-button mh-node-button--danger" }, "Remove gallery");
    remove.addEventListener("click", () => this.removeSelf("Gallery"));
    this.dom = h("figure", { class: "mh-gallery" },
      this.area("mh-block-label", h("span", { class: "mh-block-label__text" }, "Gallery")),
      this.contentDOM,
      this.area("mh-gallery__footer", this.textField("Gallery caption", "caption"), h("div", { class: "mh-node-actions" }, add, remove)));
  }

  addPictures() {
    this.ctx.dialogs.image.open({
      mode: "gallery",
      title: "Add pictures to the gallery",
      returnFocus: () => this.view.focus(),
      onPick: (items) => {
        const pos = this.getPos();
        if (pos == null) return;
        const node = this.view.state.doc.nodeAt(pos);
        const end = pos + node.nodeSize - 1;
        const images = items.map((item) => schema.nodes.image.create(imageAttrs(item)));
        this.view.dispatch(this.view.state.tr.insert(end, images));
        this.ctx.announce(`${images.length} added to the gallery.`);
      },
    });
  }
}

class EmbedView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.provider = h("strong", { class: "mh-embed__provider" });
    this.title = h("span", { class: "mh-embed__title" });
    this.url = h("span", { class: "mh-embed__url" });
    const remove = h("button", { type: "button", class: "mh-node-button mh-node-button--danger" }, "Remove embed");
    remove.addEventListener("click", () => this.removeSelf("Embed"));
    this.dom = h("figure", { class: "mh-embed" },
      h("div", { class: "mh-embed__facade" },
        h("span", { class: "mh-embed__play", "aria-hidden": "true" }),
        h("div", { class: "mh-embed__text" }, this.provider, this.title, this.url,
          h("span", { class: "mh-embed__note" }, "Readers load it with one click"))),
      this.area("mh-node-actions", remove));
    this.refresh();
  }

  refresh() {
    const { url, provider, title } = this.node.attrs;
    this.provider.textContent = providerName(provider);
    this.title.textContent = title || "";
    this.title.hidden = !title;
    this.url.textContent = url;
    this.dom.setAttribute("data-provider", provider || "");
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }
}

class PullquoteView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.contentDOM = h("p", { class: "mh-pullquote__text" });
    this.dom = h("div", { class: "mh-pullquote" },
      this.area("mh-block-label", h("span", { class: "mh-block-label__text" }, "Pull quote")),
      this.contentDOM,
      this.area("mh-pullquote__footer", this.textField("Attribution", "attribution")));
  }
}

class CalloutView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.contentDOM = h("div", { class: "mh-callout__body" });
    this.dom = h("div", { class: "mh-callout" },
      this.area("mh-callout__head", this.textField("Fact box title", "title", { className: "mh-node-field--title" })),
      this.contentDOM);
  }
}

class RawHtmlView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    const allowed = ctx.config.canRawHtml;
    this.textarea = h("textarea", { class: "mh-raw__code", rows: "5", spellcheck: "false", autocomplete: "off" });
    this.textarea.value = node.attrs.html;
    let hint;
    if (allowed) {
      this.textarea.addEventListener("input", () => this.setAttr("html", this.textarea.value));
      hint = "Passes through the same sanitizer as the rest of the article: scripts, styles and event handlers are removed.";
    } else {
      this.textarea.readOnly = true;
      hint = "Only editors and administrators can change raw HTML.";
    }
    this.bound = [{ input: this.textarea, name: "html" }];
    const hintEl = h("span", { class: "mh-node-field__hint", id: uid("mh-hint") }, hint);
    this.textarea.setAttribute("aria-describedby", hintEl.id);
    const remove = allowed ? h("button", { type: "button", class: "mh-node-button mh-node-button--danger" }, "Remove raw HTML") : null;
    if (remove) remove.addEventListener("click", () => this.removeSelf("Raw HTML"));
    this.dom = h("div", { class: "mh-raw" },
      this.area("mh-raw__inner",
        h("label", { class: "mh-node-field" }, h("span", { class: "mh-node-field__label" }, "Raw HTML"), this.textarea, hintEl),
        remove ? h("div", { class: "mh-node-actions" }, remove) : null));
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }
}

class FootnoteView extends BaseView {
  constructor(node, view, getPos, ctx) {
    super(node, view, getPos, ctx);
    this.button = h("button", { type: "button", class: "mh-footnote__button" });
    this.button.addEventListener("click", () => editFootnote(this.view, this.getPos(), this.ctx));
    this.dom = h("sup", { class: "mh-footnote" }, this.button);
    this.controlAreas.push(this.button);
    this.refresh();
  }

  refresh() {
    const text = this.node.textContent;
    this.button.setAttribute("aria-label", text ? `Footnote: ${text}` : "Footnote (empty)");
    this.button.title = text || "Empty footnote";
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }
}

/** Opens the footnote dialog for the footnote at `pos`. */
export function editFootnote(view, pos, ctx) {
  if (pos == null) return;
  const node = view.state.doc.nodeAt(pos);
  if (!node || node.type !== schema.nodes.footnote) return;
  ctx.dialogs.footnote.open({
    text: node.textContent,
    existing: true,
    returnFocus: () => view.focus(),
    onSave: (text) => {
      const current = view.state.doc.nodeAt(pos);
      if (!current || current.textContent === text) return;
      view.dispatch(view.state.tr.replaceWith(pos + 1, pos + current.nodeSize - 1, schema.text(text)));
    },
    onRemove: () => {
      const current = view.state.doc.nodeAt(pos);
      if (current) view.dispatch(view.state.tr.delete(pos, pos + current.nodeSize));
    },
  });
}

export function nodeViews(ctx) {
  const make = (View) => (node, view, getPos) => new View(node, view, getPos, ctx);
  return {
    image: make(ImageView),
    gallery: make(GalleryView),
    embed: make(EmbedView),
    pullquote: make(PullquoteView),
    callout: make(CalloutView),
    raw_html: make(RawHtmlView),
    footnote: make(FootnoteView),
  };
}
