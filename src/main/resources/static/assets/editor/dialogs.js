// Modal <dialog>s: link, embed, image/gallery picker (media library or upload) and footnote text. They live in a
// host element after the article form (never inside it, so Enter submits the dialog's own form, not the article).
import { h, uid } from "./dom.js";
import { isSafeHref } from "./schema.js";
import { searchLibrary, uploadFile, resolveEmbed } from "./uploads.js";

class Dialog {
  constructor(host, { id, title, submitLabel }) {
    this.id = id;
    this.heading = h("h2", { id: `${id}-title`, class: "mh-dialog__title" }, title);
    this.error = h("p", { id: `${id}-error`, class: "mh-dialog__error", role: "alert" });
    this.body = h("div", { class: "mh-dialog__body" });
    this.submitButton = submitLabel ? h("button", { type: "submit", class: "primary" }, submitLabel) : null;
    this.extraActions = h("span", { class: "mh-dialog__extra" });
    this.cancelButton = h("button", { type: "button", onclick: () => this.close() }, "Cancel");
    this.form = h("form", { class: "mh-dialog__form", novalidate: true, method: "dialog" },
      this.heading, this.body, this.error,
      h("div", { class: "mh-dialog__actions" }, this.extraActions, this.cancelButton, this.submitButton));
    this.el = h("dialog", { id, class: "mh-dialog", "aria-labelledby": `${id}-title` }, this.form);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.onSubmit && !this.busy) this.onSubmit();
    });
    this.el.addEventListener("close", () => {
      const back = this.returnFocus;
      this.returnFocus = null;
      if (back) back();
    });
    host.appendChild(this.el);
  }

  get isOpen() {
    return this.el.open;
  }

  show({ returnFocus, focus } = {}) {
    this.returnFocus = returnFocus;
    this.setError("");
    this.setBusy(false);
    if (!this.el.open) this.el.showModal();
    const target = focus || this.body.querySelector("input:not([type=hidden]), textarea, select, button");
    if (target) target.focus();
  }

  close() {
    if (this.el.open) this.el.close();
  }

  setError(message, input) {
    this.error.textContent = message || "";
    for (const el of this.body.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== this.error.id);
      if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
      else el.removeAttribute("aria-describedby");
    }
    if (message && input) {
      input.setAttribute("aria-invalid", "true");
      const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      input.setAttribute("aria-describedby", [this.error.id, ...ids].join(" "));
      input.focus();
    }
  }

  setBusy(busy, label) {
    this.busy = busy;
    this.el.setAttribute("aria-busy", busy ? "true" : "false");
    if (this.submitButton) {
      if (!this.submitLabel) this.submitLabel = this.submitButton.textContent;
      this.submitButton.textContent = busy && label ? label : this.submitLabel;
      this.submitButton.setAttribute("aria-disabled", busy ? "true" : "false");
    }
  }
}

function field(labelText, control, hint) {
  const hintEl = hint ? h("span", { class: "mh-dialog__hint", id: uid("mh-hint") }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("label", { class: "mh-dialog__field" }, h("span", { class: "mh-dialog__label" }, labelText), control, hintEl);
}

/** Normalizes what a writer types into a link: bare domains get https://, bare e-mail addresses mailto:. */
export function normalizeHref(value) {
  const v = value.trim();
  if (!v) return "";
  if (/^[^\s@/:]+@[^\s@/]+\.[a-z]{2,}$/i.test(v)) return `mailto:${v}`;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i.test(v)) return `https://${v}`;
  return v;
}

export class LinkDialog extends Dialog {
  constructor(host) {
    super(host, { id: "mh-link-dialog", title: "Link", submitLabel: "Apply link" });
    this.url = h("input", { type: "url", inputmode: "url", autocomplete: "off", spellcheck: "false" });
    this.title = h("input", { type: "text", autocomplete: "off" });
    this.body.append(
      field("Address", this.url, "Starts with https://, http:// or mailto:"),
      field("Title (optional)", this.title, "Shown when a reader points at the link."),
    );
    this.removeButton = h("button", { type: "button", class: "danger" }, "Remove link");
    this.extraActions.append(this.removeButton);
  }

  /** opts: {href, title, hasLink, onApply(href, title), onRemove(), returnFocus} */
  open(opts) {
    this.url.value = opts.href || "";
    this.title.value = opts.title || "";
    this.removeButton.hidden = !opts.hasLink;
    this.removeButton.onclick = () => {
      opts.onRemove();
      this.close();
    };
    this.onSubmit = () => {
      const href = normalizeHref(this.url.value);
      if (!href) return this.setError("Enter the address the link goes to.", this.url);
      if (!isSafeHref(href)) return this.setError("Links can only go to http://, https:// or mailto: addresses.", this.url);
      opts.onApply(href, this.title.value.trim());
      this.close();
      return undefined;
    };
    this.show({ returnFocus: opts.returnFocus, focus: this.url });
    this.url.select();
  }
}

export class EmbedDialog extends Dialog {
  constructor(host, config) {
    super(host, { id: "mh-embed-dialog", title: "Embed a post or video", submitLabel: "Embed" });
    this.config = config;
    this.url = h("input", { type: "url", inputmode: "url", autocomplete: "off", spellcheck: "false" });
    this.body.append(
      field("Address", this.url,
        "YouTube, Vimeo, X/Twitter, Telegram, Instagram, Facebook, TikTok, SoundCloud, Spotify, Datawrapper or Flourish. Readers load it only when they choose to."),
    );
  }

  /** opts: {onEmbed(attrs, providerName), returnFocus} */
  open(opts) {
    this.url.value = "";
    this.onSubmit = async () => {
      const address = this.url.value.trim();
      if (!/^https?:\/\/\S+$/i.test(address)) return this.setError("Paste the full address, starting with https://.", this.url);
      this.setError("");
      this.setBusy(true, "Checking…");
      try {
        const embed = await resolveEmbed(this.config, address);
        this.setBusy(false);
        opts.onEmbed({ url: embed.url || address, provider: embed.provider || "", title: embed.title || "" }, embed.providerName);
        this.close();
      } catch (error) {
        this.setBusy(false);
        this.setError(error.message, this.url);
      }
      return undefined;
    };
    this.show({ returnFocus: opts.returnFocus, focus: this.url });
  }
}

export class FootnoteDialog extends Dialog {
  constructor(host) {
    super(host, { id: "mh-footnote-dialog", title: "Footnote", submitLabel: "Save footnote" });
    this.text = h("textarea", { rows: "4" });
    this.body.append(field("Footnote text", this.text, "Listed with the other notes after the article."));
    this.removeButton = h("button", { type: "button", class: "danger" }, "Remove footnote");
    this.extraActions.append(this.removeButton);
  }

  /** opts: {text, existing, onSave(text), onRemove(), returnFocus} */
  open(opts) {
    this.text.value = opts.text || "";
    this.removeButton.hidden = !opts.existing;
    this.removeButton.onclick = () => {
      opts.onRemove();
      this.close();
    };
    this.onSubmit = () => {
      const value = this.text.value.replace(/\s+/g, " ").trim();
      if (!value) return this.setError("Write the note, or press Cancel.", this.text);
      opts.onSave(value);
      this.close();
      return undefined;
    };
    this.show({ returnFocus: opts.returnFocus, focus: this.text });
  }
}

/** Picks pictures from the media library, or uploads new ones. Single mode inserts on click; gallery mode collects. */
export class ImageDialog extends Dialog {
  constructor(host, config) {
    super(host, { id: "mh-image-dialog", title: "Insert image", submitLabel: "Insert" });
    this.config = config;
    this.file = h("input", { type: "file", accept: "image/*" });
    this.uploadButton = h("button", { type: "button", onclick: () => this.upload() }, "Upload");
    this.uploadStatus = h("p", { class: "mh-dialog__status", role: "status" });
    this.search = h("input", { type: "search", autocomplete: "off" });
    this.libraryStatus = h("p", { class: "mh-dialog__status", role: "status" });
    this.grid = h("ul", { class: "mh-library", "aria-label": "Pictures in the library" });
    const uploadHeading = h("h3", { id: "mh-image-upload-h", class: "mh-dialog__subtitle" }, "Upload from your computer");
    const libraryHeading = h("h3", { id: "mh-image-library-h", class: "mh-dialog__subtitle" }, "Choose from the media library");
    this.body.append(
      h("section", { class: "mh-dialog__section", "aria-labelledby": uploadHeading.id }, uploadHeading,
        h("div", { class: "mh-dialog__row" }, field("Picture file", this.file), this.uploadButton), this.uploadStatus),
      h("section", { class: "mh-dialog__section", "aria-labelledby": libraryHeading.id }, libraryHeading,
        field("Search the library", this.search, "Search by description, caption or credit."), this.libraryStatus, this.grid),
    );
    let timer = null;
    this.search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.load(), 250);
    });
    this.search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(timer);
        this.load();
      }
    });
    this.seq = 0;
  }

  /** opts: {mode: "single"|"gallery", title, onPick(items), returnFocus} */
  open(opts) {
    this.opts = opts;
    this.gallery = opts.mode === "gallery";
    this.picked = [];
    this.items = [];
    this.heading.textContent = opts.title || (this.gallery ? "Create a gallery" : "Insert image");
    this.file.multiple = this.gallery;
    this.file.value = "";
    this.uploadStatus.textContent = "";
    this.search.value = "";
    this.grid.replaceChildren();
    this.submitButton.hidden = !this.gallery;
    this.updateSubmit();
    this.onSubmit = () => {
      if (!this.picked.length) return this.setError("Choose at least one picture.");
      opts.onPick(this.picked.slice());
      this.close();
      return undefined;
    };
    this.show({ returnFocus: opts.returnFocus, focus: this.search });
    this.load();
  }

  updateSubmit() {
    const n = this.picked ? this.picked.length : 0;
    this.submitButton.textContent = n ? `Insert ${n} ${n === 1 ? "picture" : "pictures"}` : "Insert pictures";
    this.submitLabel = this.submitButton.textContent;
  }

  async load() {
    const seq = ++this.seq;
    this.libraryStatus.textContent = "Loading pictures…";
    this.grid.setAttribute("aria-busy", "true");
    try {
      const items = await searchLibrary(this.config, this.search.value.trim());
      if (seq !== this.seq) return;
      this.items = items;
      this.render();
      const q = this.search.value.trim();
      this.libraryStatus.textContent = items.length
        ? `${items.length} ${items.length === 1 ? "picture" : "pictures"}${q ? ` for “${q}”` : ""}.`
        : (q ? `No pictures match “${q}”.` : "The library is empty. Upload a picture instead.");
    } catch (error) {
      if (seq !== this.seq) return;
      this.grid.replaceChildren();
      this.libraryStatus.textContent = error.message;
    } finally {
      if (seq === this.seq) this.grid.removeAttribute("aria-busy");
    }
  }

  render() {
    this.grid.replaceChildren(...this.items.map((item) => {
      const name = item.alt || item.caption || `Picture ${item.id} (no description)`;
      const button = h("button", { type: "button", class: "mh-library__item" },
        h("img", { src: item.thumbnailUrl || item.url, alt: "", loading: "lazy", width: "160", height: "100" }),
        h("span", { class: "mh-library__name" }, name));
      if (this.gallery) {
        const on = this.picked.some((p) => p.id === item.id);
        button.setAttribute("aria-pressed", on ? "true" : "false");
      }
      button.addEventListener("click", () => this.choose(item, button));
      return h("li", null, button);
    }));
  }

  choose(item, button) {
    if (!this.gallery) {
      this.opts.onPick([item]);
      this.close();
      return;
    }
    const i = this.picked.findIndex((p) => p.id === item.id);
    if (i >= 0) this.picked.splice(i, 1);
    else this.picked.push(item);
    if (button) button.setAttribute("aria-pressed", i >= 0 ? "false" : "true");
    this.setError("");
    this.updateSubmit();
  }

  async upload() {
    if (this.uploading) return;
    const files = Array.from(this.file.files || []);
    if (!files.length) {
      this.setError("Choose a picture file first.", this.file);
      return;
    }
    this.setError("");
    this.uploading = true;
    this.uploadButton.setAttribute("aria-disabled", "true");
    const done = [];
    try {
      for (const file of files) {
        this.uploadStatus.textContent = `Uploading ${file.name}…`;
        done.push(await uploadFile(this.config, file));
      }
    } catch (error) {
      this.uploadStatus.textContent = "";
      this.setError(error.message, this.file);
      return;
    } finally {
      this.uploading = false;
      this.uploadButton.removeAttribute("aria-disabled");
    }
    this.file.value = "";
    if (!this.gallery) {
      this.opts.onPick(done);
      this.close();
      return;
    }
    for (const item of done) {
      this.items.unshift(item);
      this.picked.push(item);
    }
    this.render();
    this.updateSubmit();
    this.uploadStatus.textContent = `${done.length} uploaded and chosen.`;
  }
}

export function createDialogs(host, config) {
  return {
    link: new LinkDialog(host),
    embed: new EmbedDialog(host, config),
    footnote: new FootnoteDialog(host),
    image: new ImageDialog(host, config),
  };
}
