// Server calls (media library, uploads, embed resolution) and the upload placeholders shown in the body while a
// dropped or pasted picture is on its way.
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { insertPoint } from "prosemirror-transform";
import { schema } from "./schema.js";
import { h } from "./dom.js";

async function errorMessage(response, fallback) {
  try {
    const json = await response.json();
    if (json && typeof json.message === "string" && json.message) return json.message;
  } catch (ignored) {
    // not JSON
  }
  return fallback;
}

/** GET the library: {items: [{id, url, thumbnailUrl, width, height, alt, caption, credit}]}. */
export async function searchLibrary(config, query) {
  const url = new URL(config.libraryUrl, location.href);
  url.searchParams.set("q", query || "");
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await errorMessage(response, "The media library could not be loaded."));
  const json = await response.json();
  return Array.isArray(json.items) ? json.items : [];
}

/** POST one file as multipart field "file"; resolves to {id, url, width, height, alt, caption, credit}. */
export async function uploadFile(config, file) {
  if (!file.type.startsWith("image/")) throw new Error(`${file.name} is not a picture.`);
  const data = new FormData();
  data.append("file", file, file.name);
  let response;
  try {
    response = await fetch(config.uploadUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRF-TOKEN": config.csrf(), Accept: "application/json" },
    });
  } catch (e) {
    throw new Error(`${file.name} could not be uploaded: the connection failed.`);
  }
  if (!response.ok) throw new Error(await errorMessage(response, `${file.name} could not be uploaded (error ${response.status}).`));
  return response.json();
}

/** GET the embed resolver: {url, provider, providerName, title}; a refused address throws with the server's message. */
export async function resolveEmbed(config, address) {
  const url = new URL(config.embedUrl, location.href);
  url.searchParams.set("url", address);
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  } catch (e) {
    throw new Error("The address could not be checked: the connection failed.");
  }
  if (!response.ok) throw new Error(await errorMessage(response, "This address can't be embedded."));
  return response.json();
}

/** Image node attrs from a library item or an upload response. */
export function imageAttrs(item) {
  return {
    mediaId: typeof item.id === "number" ? item.id : (item.id != null && /^\d+$/.test(String(item.id)) ? Number(item.id) : null),
    src: item.url || null,
    alt: item.alt || "",
    caption: item.caption || "",
    credit: item.credit || "",
    size: "column",
    width: typeof item.width === "number" ? item.width : null,
    height: typeof item.height === "number" ? item.height : null,
  };
}

export const uploadKey = new PluginKey("mh-uploads");

export const uploadPlaceholders = new Plugin({
  key: uploadKey,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const action = tr.getMeta(uploadKey);
      if (action && action.add) {
        const el = h("div", { class: "mh-upload", contenteditable: "false", role: "status" },
          h("span", { class: "mh-upload__spinner", "aria-hidden": "true" }),
          `Uploading ${action.add.name}…`);
        next = next.add(tr.doc, [Decoration.widget(action.add.pos, el, { id: action.add.id, side: -1 })]);
      } else if (action && action.remove) {
        next = next.remove(next.find(null, null, (spec) => spec.id === action.remove.id));
      }
      return next;
    },
  },
  props: {
    decorations(state) {
      return this.getState(state);
    },
  },
});

function placeholderPos(state, id) {
  const found = uploadKey.getState(state).find(null, null, (spec) => spec.id === id);
  return found.length ? found[0].from : null;
}

/** A block position near `pos` where an image fits (end of the document when nothing nearer does). */
export function imagePosNear(doc, pos) {
  const type = schema.nodes.image;
  const $pos = doc.resolve(pos);
  let at = insertPoint(doc, pos, type);
  if (at == null && $pos.depth > 0) {
    // Inside a textblock's text: put it after the top-level-most block that can take it.
    for (let d = $pos.depth; d > 0; d--) {
      const after = $pos.after(d);
      const candidate = insertPoint(doc, after, type);
      if (candidate != null) {
        at = candidate;
        break;
      }
    }
  }
  return at == null ? doc.content.size : at;
}

/** Upload image files and put each where it was dropped/pasted; failures are announced through `notify`. */
export function uploadImages(view, files, pos, ctx) {
  const images = Array.from(files).filter((f) => f.type.startsWith("image/"));
  for (const file of Array.from(files)) {
    if (!file.type.startsWith("image/")) ctx.notify(`${file.name} is not a picture, so it was not uploaded.`);
  }
  for (const file of images) {
    const id = {};
    const at = imagePosNear(view.state.doc, Math.min(pos, view.state.doc.content.size));
    view.dispatch(view.state.tr.setMeta(uploadKey, { add: { id, pos: at, name: file.name } }).setMeta("addToHistory", false));
    uploadFile(ctx.config, file).then((item) => {
      const p = placeholderPos(view.state, id);
      if (p == null) return; // the placeholder's place was deleted meanwhile
      const node = schema.nodes.image.create(imageAttrs(item));
      const target = imagePosNear(view.state.doc, p);
      const tr = view.state.tr.setMeta(uploadKey, { remove: { id } }).insert(target, node);
      view.dispatch(tr);
      ctx.announce(`${file.name} uploaded. Add its alt text.`);
    }, (error) => {
      view.dispatch(view.state.tr.setMeta(uploadKey, { remove: { id } }).setMeta("addToHistory", false));
      ctx.notify(error.message);
    });
  }
}
