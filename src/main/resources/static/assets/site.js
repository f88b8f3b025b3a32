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
})();
