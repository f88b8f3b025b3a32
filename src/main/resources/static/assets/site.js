// Progressive enhancement only: every link here also works as a plain link without JavaScript.
(function () {
  "use strict";

  // "Show More" in a News Feed appends the next items in place instead of loading a new page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-show-more]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    var list = document.getElementById(link.getAttribute("aria-controls"));
    if (!list) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") {
      return;
    }
    link.setAttribute("aria-busy", "true");
    fetch(link.dataset.showMore, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var incoming = new DOMParser().parseFromString(html, "text/html").querySelector("ol[data-news-feed]");
        var items = Array.prototype.slice.call(incoming.children);
        items.forEach(function (item) {
          item.classList.add("feed-item--new");
          list.appendChild(item);
        });
        var firstLink = items.length ? items[0].querySelector("a") : null;
        if (firstLink) {
          firstLink.focus(); // keyboard and screen reader users continue where the new items start
        }
        if (incoming.dataset.nextFragment) {
          link.href = incoming.dataset.nextPage;
          link.dataset.showMore = incoming.dataset.nextFragment;
          link.removeAttribute("aria-busy");
        } else {
          link.remove();
        }
      })
      .catch(function () {
        window.location.href = link.href; // fall back to the next page
      });
  });

  // Live News Feed: new stories appear at the top as they are published, withdrawn ones disappear. The
  // browser reconnects by itself and sends Last-Event-ID, so nothing is lost or shown twice.
  var live = document.querySelector("ol[data-news-feed][data-stream]");
  if (live && window.EventSource) {
    var status = document.getElementById("news-feed-live");
    var fresh = 0;
    var source = new EventSource(live.dataset.stream);
    source.addEventListener("open", function () {
      live.dataset.connected = "true";
    });
    source.addEventListener("published", function (event) {
      var data = JSON.parse(event.data);
      if (!data.html || live.querySelector('[data-article-id="' + data.articleId + '"]')) {
        return;
      }
      var template = document.createElement("template");
      template.innerHTML = data.html;
      var item = template.content.firstElementChild;
      item.classList.add("feed-item--new");
      live.insertBefore(item, live.firstElementChild);
      fresh++;
      status.textContent = fresh + " new";
      status.hidden = false;
    });
    source.addEventListener("unpublished", function (event) {
      var item = live.querySelector('[data-article-id="' + JSON.parse(event.data).articleId + '"]');
      if (item) {
        item.remove();
      }
    });
    source.addEventListener("error", function () {
      live.dataset.connected = "false";
      if (source.readyState === EventSource.CLOSED) {
        status.hidden = true; // the stream is unavailable (at capacity, too many from one address): Show More still works
      }
    });
  }

  // Live blog: changes arrive as Server-Sent Events. New entries wait behind an "N new updates" button, so what the
  // reader is reading does not move; edits, deletions and the key-events list apply at once. Without JavaScript a
  // reload shows the latest. The browser reconnects by itself with Last-Event-ID, so nothing is missed or doubled.
  var blog = document.querySelector("section.live[data-live-stream]");
  if (blog && window.EventSource) {
    var entries = blog.querySelector(".live__entries");
    var notice = blog.querySelector(".live__notice");
    var firstPage = blog.dataset.liveFirstPage === "true";
    var waiting = [];
    var showNew = document.createElement("button");
    showNew.type = "button";
    showNew.className = "live__show-new";
    showNew.hidden = true;
    showNew.textContent = "New updates";
    notice.after(showNew);
    var fragment = function (html) {
      var template = document.createElement("template");
      template.innerHTML = html;
      return template.content.firstElementChild;
    };
    var announce = function () {
      showNew.hidden = waiting.length === 0;
      showNew.textContent = waiting.length === 1 ? "1 new update" : waiting.length + " new updates";
      notice.textContent = waiting.length === 0 ? "" : showNew.textContent;
    };
    showNew.addEventListener("click", function () {
      if (!firstPage) {
        window.location.href = blog.querySelector(".live__newer a").href;
        return;
      }
      waiting.forEach(function (entry) { // each arrival goes on top of the ones before it: newest first
        entries.insertBefore(entry, entries.firstElementChild);
      });
      var first = waiting[waiting.length - 1];
      waiting = [];
      announce();
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    });
    var place = function (entry, data) {
      var pinnedBox = blog.querySelector(".live__pinned");
      if (data.pinned && pinnedBox && firstPage) {
        pinnedBox.replaceChildren(entry);
        return true;
      }
      return false;
    };
    var keyEvents = function (data) {
      var nav = blog.querySelector(".key-events");
      if (nav && data.keyEvents !== undefined) {
        nav.querySelector(".key-events__list").outerHTML = data.keyEvents;
        nav.hidden = !nav.querySelector("li");
      }
    };
    var stream = new EventSource(blog.dataset.liveStream);
    stream.addEventListener("open", function () {
      blog.dataset.connected = "true";
    });
    stream.addEventListener("added", function (event) {
      var data = JSON.parse(event.data);
      keyEvents(data);
      if (!data.html || document.getElementById(data.anchor)) {
        return;
      }
      var entry = fragment(data.html);
      entry.classList.add("live-entry--new");
      if (!place(entry, data)) {
        waiting.push(entry);
        announce();
      }
    });
    stream.addEventListener("edited", function (event) {
      var data = JSON.parse(event.data);
      keyEvents(data);
      var shown = document.getElementById(data.anchor);
      var queued = waiting.findIndex(function (entry) { return entry.id === data.anchor; });
      if (queued >= 0) {
        waiting[queued] = fragment(data.html);
      } else if (shown) {
        shown.replaceWith(fragment(data.html));
      }
    });
    stream.addEventListener("deleted", function (event) {
      var data = JSON.parse(event.data);
      keyEvents(data);
      waiting = waiting.filter(function (entry) { return entry.id !== data.anchor; });
      announce();
      document.querySelectorAll("#" + CSS.escape(data.anchor)).forEach(function (entry) { entry.remove(); });
    });
    stream.addEventListener("error", function () {
      blog.dataset.connected = "false";
    });
  }

  // Embeds stay a link until the reader asks: only then is the provider's player (and whatever it loads) fetched.
  // The player address comes from the server's list of providers; the page's policy allows no other frames.
  document.querySelectorAll("figure.embed[data-embed-player]").forEach(function (figure) {
    var provider = figure.querySelector(".embed__title a");
    var name = figure.querySelector(".embed__notice");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed__load";
    var providerName = (name && /from ([^.]+)\./.exec(name.textContent) || [null, "the provider"])[1];
    button.textContent = "Load content from " + providerName;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.dataset.embedPlayer;
      frame.title = provider ? provider.textContent : "Embedded content from " + providerName;
      frame.loading = "lazy";
      frame.allow = "encrypted-media; fullscreen; picture-in-picture";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      figure.textContent = "";
      figure.appendChild(frame);
      figure.classList.add("embed--loaded");
      frame.focus();
    });
    figure.appendChild(button);
  });
})();
