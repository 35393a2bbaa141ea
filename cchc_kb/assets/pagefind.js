/* Pagefind's module as the search page's UI sees it (search.js gives the UI this folder as
   its bundle path): the same module, except that the filter files load only once the page
   asks for them. Pagefind's UI calls filters() as soon as it starts, and that loads every
   filter file, the "Cơ quan" one with thousands of values among them: a third of what a
   first query fetched on a national site. A query alone needs none of them. */
import * as pagefind from "../../_pagefind/pagefind.js";

export * from "../../_pagefind/pagefind.js";

var wanted;
var asked = new Promise(function (resolve) { wanted = resolve; });

/* What the UI calls: answered once the filters are wanted. */
export async function filters() {
  await asked;
  return pagefind.filters();
}

/* Load every filter file (the reader opened the filter panel, or the address carries
   filters); resolves with every filter's values once they are loaded. */
export function loadFilters() {
  wanted();
  return pagefind.filters();
}
