/* The "Tìm kiếm" page: Pagefind's UI with the options the index implies (read from
   #cchc-search-options, written by overrides/main.html from cchc_kb/site/pagefind.py), the
   query and filters kept in the address, result titles as headings, and the filter panel
   behind a button: its files load when the reader opens it, not with the first query. */
(function () {
  var options = JSON.parse(document.getElementById("cchc-search-options").textContent);
  var root = new URL(options.base, location.href).pathname;
  var box = document.getElementById("cchc-search");
  var toggle = document.getElementById("cchc-filter-toggle");
  // Pagefind's module with filters on demand (pagefind.js beside this script): the UI is
  // given this folder as its bundle and imports it from there, so this page and the UI
  // share one module.
  var here = new URL(".", document.currentScript.src);
  var ui = new PagefindUI({
    element: box,
    bundlePath: here.pathname,
    baseUrl: root,
    showSubResults: false,
    showImages: false,
    autofocus: true,
    openFilters: Object.keys(fromAddress().filters),
    ranking: options.ranking,
    // A result shows its facts in a fixed order; the index's own fields stay out of sight.
    processResult: function (result) {
      var meta = { title: result.meta.title };
      options.details.forEach(function (key) {
        if (result.meta[key]) meta[key] = result.meta[key];
      });
      result.meta = meta;
      return result;
    }
  });
  // The address carries the query (q) and the ticked filters (f=Name:Value): a search
  // can be shared, and Back returns to the previous one.
  function fromAddress() {
    var params = new URLSearchParams(location.search), filters = {};
    params.getAll("f").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at > 0) (filters[pair.slice(0, at)] = filters[pair.slice(0, at)] || []).push(pair.slice(at + 1));
    });
    return { q: params.get("q") || "", filters: filters };
  }
  function fromPage() {
    var input = box.querySelector(".pagefind-ui__search-input");
    var params = new URLSearchParams();
    if (input && input.value.trim()) params.set("q", input.value);
    box.querySelectorAll(".pagefind-ui__filter-checkbox:checked").forEach(function (c) {
      params.append("f", c.name + ":" + c.value);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }
  // The filter panel. Its files are loaded the first time it opens (every group at once,
  // so the panel never shows only the groups loaded so far), then the search runs again so
  // each value shows its count for the query.
  var filtersLoaded = null;
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = import(new URL("pagefind.js", here).href)
        .then(function (pagefind) { return pagefind.loadFilters(); })
        .catch(function () {});
    }
    return filtersLoaded;
  }
  function filterPanelOpen() {
    return toggle.getAttribute("aria-expanded") === "true";
  }
  // Pagefind's style gives the panel a display, which would override a hidden attribute.
  function showFilterPanel() {
    var panel = box.querySelector(".pagefind-ui__filter-panel");
    var display = filterPanelOpen() ? "" : "none";
    if (panel && panel.style.display !== display) panel.style.display = display;
  }
  function openFilterPanel(open) {
    toggle.setAttribute("aria-expanded", String(open));
    showFilterPanel();
    return open ? loadFilters() : Promise.resolve();
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var first = !filtersLoaded;
    openFilterPanel(!filterPanelOpen()).then(function () {
      if (first) ui.triggerFilters(fromAddress().filters);
    });
  });
  // A search from the address (a shared link, Back): one that carries filters opens the
  // panel and waits until every filter file is loaded. Pagefind's UI takes its list of
  // filter groups from the first search's results when that search ends first, and keeps
  // showing only the groups it had loaded (often "Loại văn bản" alone).
  function show(state) {
    var ready = Object.keys(state.filters).length ? openFilterPanel(true) : Promise.resolve();
    return ready.then(function () {
      ui.triggerFilters(state.filters);
      ui.triggerSearch(state.q);
    });
  }
  var typing = null;
  box.addEventListener("input", function (event) {
    if (!event.target.classList.contains("pagefind-ui__search-input")) return;
    clearTimeout(typing);
    typing = setTimeout(function () { history.replaceState(null, "", fromPage()); }, 300);
  });
  box.addEventListener("change", function (event) {
    if (!event.target.classList.contains("pagefind-ui__filter-checkbox")) return;
    history.pushState(null, "", fromPage());
  });
  window.addEventListener("popstate", function () { show(fromAddress()); });
  // Pagefind's UI lists a filter's values in code-point order ("Đồng Nai" after "Trung
  // ương"); they are put in Vietnamese order, the site's collation (cchc_kb.model.collation:
  // đ after d, ê after e, numbers by value). The UI updates each value's element in place,
  // so moving the elements keeps every count with its value.
  var collator = new Intl.Collator("vi", { numeric: true });
  function valueOf(element) {
    var checkbox = element.querySelector(".pagefind-ui__filter-checkbox");
    return checkbox ? checkbox.value : "";
  }
  function sortFilterValues() {
    box.querySelectorAll(".pagefind-ui__filter-group").forEach(function (group) {
      var values = Array.prototype.filter.call(group.children, function (child) {
        return child.classList.contains("pagefind-ui__filter-value");
      });
      var sorted = values.slice().sort(function (a, b) { return collator.compare(valueOf(a), valueOf(b)); });
      if (sorted.every(function (element, i) { return element === values[i]; })) return;
      var after = values[values.length - 1].nextSibling;
      sorted.forEach(function (element) { group.insertBefore(element, after); });
    });
  }
  // A result's title is a heading (Pagefind's UI draws it as a bold paragraph): readers
  // of screen readers can jump from result to result.
  new MutationObserver(function () {
    box.querySelectorAll("p.pagefind-ui__result-title").forEach(function (title) {
      if (!title.querySelector("a")) return;  // still the loading placeholder
      var heading = document.createElement("h2");
      heading.className = title.className;
      while (title.firstChild) heading.appendChild(title.firstChild);
      title.replaceWith(heading);
    });
    sortFilterValues();
    showFilterPanel();
  }).observe(box, { childList: true, subtree: true });
  var start = fromAddress();
  if (start.q || Object.keys(start.filters).length) show(start);
})();
