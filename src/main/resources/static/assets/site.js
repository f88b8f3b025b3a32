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
