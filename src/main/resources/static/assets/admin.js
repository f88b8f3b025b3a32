// Newsroom enhancements: live Markdown preview and autosave of drafts. The editor works without them.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) {
    return;
  }
  var body = form.querySelector("#bodyMarkdown");
  var preview = document.getElementById("preview");
  var status = document.getElementById("autosave-status");
  var csrf = form.querySelector("input[name=_csrf]");

  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRF-TOKEN": csrf ? csrf.value : "" } });
  }

  // Live preview, rendered by the same server renderer as the public page.
  var previewTimer;
  if (body && preview) {
    body.addEventListener("input", function () {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(function () {
        var data = new FormData();
        data.append("bodyMarkdown", body.value);
        if (csrf) { data.append(csrf.name, csrf.value); }
        post(form.dataset.preview, data).then(function (response) {
          return response.ok ? response.text() : null;
        }).then(function (html) {
          if (html !== null) { preview.innerHTML = html; }
        });
      }, 400);
    });
  }

  // Autosave every 15 seconds while something changed; the version keeps optimistic locking honest.
  var url = form.dataset.autosave;
  if (!url) {
    return;
  }
  var dirty = false;
  var saving = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { url = null; }); // the explicit save wins; no autosave races it
  setInterval(function () {
    if (!url || !dirty || saving) { return; }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.delete("leadImageFile");
    data.delete("action");
    post(url, data).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
    }).then(function (result) {
      if (result.ok) {
        form.querySelector("input[name=version]").value = result.json.version;
        status.textContent = result.json.message;
      } else {
        status.textContent = result.json.message;
        if (result.status === 409) { dirty = false; url = null; }
      }
    }).catch(function () {
      dirty = true;
      status.textContent = "Autosave failed; your text is still here. Press Save.";
    }).finally(function () { saving = false; });
  }, 15000);
})();
