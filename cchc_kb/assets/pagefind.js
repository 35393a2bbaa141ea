/* The site's Pagefind module: the search page's UI imports it (search.js gives the UI this
   folder as its bundle path), and so does the quality set (cchc_kb/site/search_eval.py).
   It is Pagefind's own module with two changes:
   - the other parts of a large site's index (cchc_kb/site/pagefind.py, PARTS_FILE) are
     merged in (mergeIndex) with the options the page sets, before any search;
   - the filter files load only once the page asks for them. Pagefind's UI calls filters()
     as soon as it starts, and that loads every filter file, the "Cơ quan" one with thousands
     of values among them: a third of what a first query fetched on a national site. A
     query alone needs none of them. */
import * as pagefind from "../../_pagefind/pagefind.js";

export * from "../../_pagefind/pagefind.js";

var bundle = new URL("../../_pagefind/", import.meta.url);
var merged = null;

function mergeParts(settings) {
  if (!merged) {
    var partSettings = Object.assign({}, settings, { baseUrl: new URL("../", bundle).pathname });
    delete partSettings.basePath;
    merged = fetch(new URL("cchc-parts.json", bundle))
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (parts) {
        return parts.reduce(function (done, part) {
          return done.then(function () {
            return pagefind.mergeIndex(new URL(part, bundle).pathname, Object.assign({}, partSettings));
          });
        }, Promise.resolve());
      });
  }
  return merged;
}

export async function options(settings) {
  await pagefind.options(settings);
  await mergeParts(settings);
}

export async function search(term, settings) {
  await mergeParts({});
  return pagefind.search(term, settings);
}

export async function debouncedSearch(term, settings, wait) {
  await mergeParts({});
  return pagefind.debouncedSearch(term, settings, wait);
}

export async function preload(term, settings) {
  await mergeParts({});
  return pagefind.preload(term, settings);
}

var wanted;
var asked = new Promise(function (resolve) { wanted = resolve; });

/* What the UI calls: answered once the filters are wanted. */
export async function filters() {
  await asked;
  await mergeParts({});
  return pagefind.filters();
}

/* Load every filter file (the reader opened the filter panel, or the address carries
   filters); resolves with every filter's values once they are loaded. */
export async function loadFilters() {
  wanted();
  await mergeParts({});
  return pagefind.filters();
}
