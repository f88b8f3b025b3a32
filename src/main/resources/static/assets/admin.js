// Newsroom enhancements. Every screen works without them; with them the editor saves as you type (creating the
// draft on the first keystroke), keeps work in this browser while offline, warns before leaving unsaved work,
// shows scheduled times in UTC and your own time, counts SEO characters and lets you pick library images.
(function () {
  "use strict";

  var form = document.getElementById("editor");
  var csrf = document.querySelector("input[name=_csrf]");

  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRF-TOKEN": csrf ? csrf.value : "", "Accept": "application/json" } });
  }

  document.querySelectorAll("button.copy-link").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copy).then(function () { button.textContent = "Copied"; });
    });
  });

  // After a failed save the page opens on what went wrong, so a keyboard or screen reader user starts from the
  // list of problems; autofocus does this without scripts, but a script focusing something else would undo it.
  var problems = document.querySelector("#conflict, #errors, .alert--error[role=alert]");
  if (problems) {
    if (!problems.hasAttribute("tabindex")) {
      problems.setAttribute("tabindex", "-1");
    }
    problems.focus();
  }

  if (!form) {
    return;
  }

  var status = document.getElementById("autosave-status");
  var publishBar = form.querySelector(".publish-bar");
  function measurePublishBar() {
    if (publishBar) {
      document.documentElement.style.setProperty("--publish-bar-height", publishBar.offsetHeight + 8 + "px");
    }
  }
  measurePublishBar();
  window.addEventListener("resize", measurePublishBar);
  // Copies are kept per writer and per article, so nobody else's words (or another story's) can come back here.
  function keyFor(articleId) {
    return "masthead-draft:" + form.dataset.writer + ":" + articleId;
  }
  var storageKey = keyFor(form.dataset.articleId);
  var autosaveUrl = form.dataset.autosave || null;
  var dirty = false;
  var saving = false;
  var submitting = false;
  var timer = null;

  function say(message) {
    if (status) { status.textContent = message; }
  }

  // ---- Work kept in this browser until the server has it -------------------------------------------------------

  function snapshot() {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") {
        (fields[name] = fields[name] || []).push(value);
      }
    });
    return { savedAt: Date.now(), version: form.elements.version.value, fields: fields };
  }

  // submitted: kept just in case while the form posts; if the next page has a newer version, the post arrived
  function keepLocally(submitted) {
    var copy = snapshot();
    copy.submitted = !!submitted;
    try { localStorage.setItem(storageKey, JSON.stringify(copy)); } catch (full) { /* private mode: nothing to do */ }
  }

  function forgetLocally() {
    try { localStorage.removeItem(storageKey); } catch (ignored) { /* nothing kept */ }
  }

  // A copy kept while offline (or before a crash) is put back before the body editor reads its document: for a
  // saved article when it was made from the version the server still has; for a new article only when the writer
  // asks (the offer below), since it may be words they had already saved elsewhere.
  function restore(kept) {
    Object.keys(kept.fields).forEach(function (name) {
      if (name === "_csrf" || name === "version" || name === "bodyFormat") { return; }
      var values = kept.fields[name];
      var elements = form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']");
      elements.forEach(function (element, index) {
        if (element.type === "file" || element.type === "checkbox" || values[index] === undefined) { return; }
        element.value = values[index];
      });
      if (name === "bodyDocument" && values[0]) {
        var documentScript = document.getElementById("body-document");
        if (documentScript) { documentScript.textContent = values[0]; }
      }
    });
    dirty = true;
    say("Restored what you wrote in this browser; it is not saved yet.");
  }

  function offer(kept, text) {
    var notice = document.createElement("p");
    notice.className = "alert";
    notice.setAttribute("role", "status");
    notice.id = "restore-offer";
    notice.textContent = text + " (" + new Date(kept.savedAt).toLocaleString() + "). ";
    var restoreLink = document.createElement("a");
    restoreLink.href = location.pathname + "?restore";
    restoreLink.textContent = "Restore it";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Discard it";
    discard.addEventListener("click", function () { forgetLocally(); notice.remove(); });
    notice.appendChild(restoreLink);
    notice.appendChild(document.createTextNode(" "));
    notice.appendChild(discard);
    form.parentNode.insertBefore(notice, form);
  }

  (function offerWhatThisBrowserKept() {
    var kept;
    try { kept = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (broken) { kept = null; }
    if (!kept) { return; }
    if (document.querySelector("#conflict, #errors")) { return; } // the page already shows the writer's own words
    if (new URLSearchParams(location.search).has("restore")) {
      restore(kept);
      return;
    }
    if (form.dataset.articleId === "new") {
      offer(kept, "This browser kept a new story you had not saved");
    } else if (kept.version === form.elements.version.value) {
      restore(kept); // newer than what the server has: it never arrived
    } else if (kept.submitted) {
      forgetLocally(); // the save it was kept for has arrived
    } else {
      // made from an older version (someone saved meanwhile, or the writer's save was refused): theirs to decide
      offer(kept, "This browser kept changes you made to an earlier version that were not saved");
    }
  })();

  // ---- Autosave --------------------------------------------------------------------------------------------------

  var unsavedFlag = document.getElementById("unsaved-flag");
  function showUnsaved(on) {
    if (unsavedFlag) { unsavedFlag.hidden = !on; }
  }

  function changed() {
    dirty = true;
    keepLocally();
    showUnsaved(true);
    if (!autosaveUrl) { return; }
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  }

  function save() {
    if (!autosaveUrl || !dirty || saving || submitting) { return; }
    if (!navigator.onLine) {
      say("Offline: your changes are kept in this browser and sent when you are back online.");
      clearTimeout(timer);
      timer = setTimeout(save, 4000); // the "online" event may never come (a flaky link): try again anyway
      return;
    }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.delete("leadImageFile");
    data.delete("action");
    post(autosaveUrl, data).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (response.redirected || !json) {
        return { ok: false, status: 401, json: { message: "You were signed out. Sign in again in another tab; " +
          "your text is kept in this browser and saved once you are back." } };
      }
      return response.json().then(function (body) { return { ok: response.ok, status: response.status, json: body }; });
    }).then(function (result) {
      if (result.ok) {
        form.elements.version.value = result.json.version;
        if (result.json.editUrl) { becameDraft(result.json); }
        if (!dirty) { forgetLocally(); showUnsaved(false); } else { keepLocally(); } // typed during the request
        say(result.json.message);
      } else {
        say(result.json.message);
        dirty = true;
        keepLocally();
        if (result.status === 409 || result.status === 403) { autosaveUrl = null; } // the writer has to act
      }
    }).catch(function () {
      dirty = true;
      keepLocally();
      say("Offline: your changes are kept in this browser and sent when you are back online.");
    }).finally(function () {
      saving = false;
      if (pendingSubmit) {
        var submitter = pendingSubmit;
        pendingSubmit = null;
        form.requestSubmit(submitter); // now to the draft the autosave created, not a second new one
        return;
      }
      if (dirty && autosaveUrl) { clearTimeout(timer); timer = setTimeout(save, 4000); }
    });
  }

  // The first autosave created the draft: from now on this page edits it.
  function becameDraft(json) {
    forgetLocally();
    form.dataset.articleId = String(json.id);
    storageKey = keyFor(json.id);
    form.action = json.editUrl;
    autosaveUrl = json.autosaveUrl;
    form.dataset.autosave = json.autosaveUrl;
    history.replaceState(null, "", json.editUrl);
    var preview = document.getElementById("preview-link");
    if (preview) {
      preview.href = json.previewUrl;
      preview.target = "_blank";
      preview.rel = "noopener";
      preview.removeAttribute("aria-disabled");
    }
  }

  form.addEventListener("input", function (event) {
    if (event.target.type !== "file") { changed(); }
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") { changed(); }
  });
  form.addEventListener("masthead:body-change", changed);
  window.addEventListener("online", function () { if (dirty) { save(); } });
  var pendingSubmit = null;
  form.addEventListener("submit", function (event) {
    if (saving && form.dataset.articleId === "new") {
      // the first autosave is creating the draft right now: submit to it once it exists
      event.preventDefault();
      pendingSubmit = event.submitter || form.querySelector("#primary-action");
      return;
    }
    submitting = true; // the explicit save wins; nothing races it, and leaving is fine
    clearTimeout(timer);
    if (form.dataset.articleId !== "new") {
      keepLocally(true); // if this save does not arrive, the words are still here; once it does, the version moves on
    } else {
      forgetLocally();
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("pageshow", function () { submitting = false; });
  if (dirty && autosaveUrl) { timer = setTimeout(save, 1500); }

  var previewLink = document.getElementById("preview-link");
  if (previewLink) {
    previewLink.addEventListener("click", function (event) {
      if (previewLink.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        say("Start writing: the preview opens once the draft is saved.");
      }
    });
  }

  // ---- Scheduling in the newsroom's time zone, shown in UTC and the writer's own time ----------------------------

  var scheduled = document.getElementById("scheduledAt");
  var times = document.getElementById("scheduledAt-times");
  var zone = form.dataset.siteZone;

  function offsetMinutes(instant, timeZone) {
    var parts = new Intl.DateTimeFormat("en-US", { timeZone: timeZone, hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
    var value = {};
    parts.forEach(function (part) { value[part.type] = part.value; });
    var asUtc = Date.UTC(+value.year, +value.month - 1, +value.day, +value.hour, +value.minute, +value.second);
    return (asUtc - instant.getTime()) / 60000;
  }

  function describeSchedule() {
    if (!scheduled || !times || !zone) { return; }
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(scheduled.value);
    if (!match) {
      times.textContent = "The newsroom's clock: " + zone + ".";
      return;
    }
    var wall = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
    var instant = new Date(wall - offsetMinutes(new Date(wall), zone) * 60000);
    instant = new Date(wall - offsetMinutes(instant, zone) * 60000);
    var utc = instant.toISOString().slice(0, 16).replace("T", " ") + " UTC";
    var local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(instant);
    times.textContent = "That is " + utc + ", and " + local + " where you are (" +
      Intl.DateTimeFormat().resolvedOptions().timeZone + ").";
  }
  if (scheduled) {
    scheduled.addEventListener("input", describeSchedule);
    describeSchedule();
  }

  // ---- Search and social: counters and previews -------------------------------------------------------------------

  function text(id) {
    var element = document.getElementById(id);
    return element ? element.value.trim() : "";
  }

  function updatePreviews() {
    form.querySelectorAll(".field--counted input").forEach(function (input) {
      var counter = document.getElementById(input.id + "-count");
      var advised = +input.dataset.advised;
      if (counter) {
        counter.textContent = input.value.length + " characters; search engines and networks show about " + advised + "." +
          (input.value.length > advised ? " Readers may see it cut short." : "");
      }
    });
    var headline = text("headline");
    var standfirst = text("standfirst");
    var set = function (selector, value) {
      var element = document.querySelector(selector);
      if (element) { element.textContent = value; }
    };
    set("#snippet-preview .snippet-preview__title", text("metaTitle") || headline);
    set("#snippet-preview .snippet-preview__description", text("metaDescription") || standfirst);
    set("#card-preview .card-preview__title", text("ogTitle") || headline);
    set("#card-preview .card-preview__description", text("ogDescription") || text("metaDescription") || standfirst);
  }
  form.addEventListener("input", updatePreviews);
  updatePreviews();

  // ---- Picking an image from the library (lead, social, X/Twitter) -----------------------------------------------

  var picker = document.getElementById("image-picker");
  var results = document.getElementById("image-picker-results");
  var search = document.getElementById("image-picker-search");
  var upload = document.getElementById("image-picker-upload");
  var pickerError = document.getElementById("image-picker-error");
  var target = null;
  var searchTimer = null;

  function choose(picture) {
    var hidden = document.getElementById(target + "Id");
    var shown = document.getElementById(target + "-picked");
    hidden.value = picture.id;
    shown.textContent = "";
    var img = document.createElement("img");
    img.className = "thumb";
    img.src = picture.thumbnailUrl || picture.url;
    img.alt = "";
    shown.appendChild(img);
    if (target === "leadImage") {
      ["Alt", "Caption", "Credit"].forEach(function (field) {
        var input = document.getElementById("leadImage" + field);
        var value = picture[field.toLowerCase()];
        if (input && !input.value && value) { input.value = value; }
      });
    }
    picker.close();
    changed();
    updatePreviews();
  }

  function list(url) {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (page) {
        results.textContent = "";
        page.items.forEach(function (picture) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "image-picker__choice";
          var img = document.createElement("img");
          img.src = picture.thumbnailUrl;
          img.alt = "";
          button.appendChild(img);
          var label = document.createElement("span");
          label.textContent = picture.alt || picture.caption || ("Image " + picture.id);
          button.appendChild(label);
          button.addEventListener("click", function () { choose(picture); });
          item.appendChild(button);
          results.appendChild(item);
        });
        if (!page.items.length) {
          var none = document.createElement("li");
          none.textContent = "No images match.";
          results.appendChild(none);
        }
      });
  }

  if (picker && typeof picker.showModal === "function") {
    document.querySelectorAll("button.pick-image").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        target = button.dataset.target;
        pickerError.hidden = true;
        picker.showModal();
        list(form.dataset.libraryUrl + "?q=");
        search.focus();
      });
    });
    search.addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        list(form.dataset.libraryUrl + "?q=" + encodeURIComponent(search.value));
      }, 250);
    });
    upload.addEventListener("change", function () {
      if (!upload.files.length) { return; }
      var data = new FormData();
      data.append("file", upload.files[0]);
      post(form.dataset.uploadUrl, data).then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; });
      }).then(function (result) {
        upload.value = "";
        if (result.ok) {
          choose(result.json);
        } else {
          pickerError.textContent = result.json.message;
          pickerError.hidden = false;
        }
      });
    });
    document.getElementById("image-picker-close").addEventListener("click", function () { picker.close(); });
  }

})();

// The live desk and confirmations: on their own, as the editor code above stops on pages without the editor.
(function () {
  "use strict";
  // Live desk: Ctrl+Enter posts; what a reporter is typing is kept in this browser until posted (a reload, a
  // refused post or a closed tab loses nothing); other reporters' entries appear as they are posted.
  var compose = document.getElementById("compose");
  if (compose) {
    var body = compose.querySelector("#body");
    var title = compose.querySelector("#title");
    var key = compose.dataset.draftKey;
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      if (saved && !body.value && !title.value) {
        body.value = saved.body || "";
        title.value = saved.title || "";
      }
    } catch (ignored) { /* storage unavailable: nothing to restore */ }
    var keep = function () {
      try { window.localStorage.setItem(key, JSON.stringify({ title: title.value, body: body.value })); } catch (ignored) { /* full or off */ }
    };
    body.addEventListener("input", keep);
    title.addEventListener("input", keep);
    compose.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        compose.requestSubmit();
      }
    });
    compose.addEventListener("submit", function () {
      try { window.localStorage.removeItem(key); } catch (ignored) { /* nothing kept */ }
    });
    if (!body.value) {
      body.focus();
    }
  }
  var deskStream = document.querySelector("[data-desk-stream]");
  if (deskStream && deskStream.dataset.deskStream && window.EventSource) {
    var refresh = function () {
      if (deskStream.querySelector("details[open]")) {
        return; // someone is editing an entry here: the stream refreshes after they save
      }
      fetch(deskStream.dataset.deskRefresh, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null && !deskStream.querySelector("details[open]")) {
            deskStream.innerHTML = html;
          }
        });
    };
    var deskSource = new EventSource(deskStream.dataset.deskStream);
    ["added", "edited", "deleted"].forEach(function (kind) { deskSource.addEventListener(kind, refresh); });
  }
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
})();
