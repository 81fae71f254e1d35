// Passing data from the server into a page without building HTML from it: the
// page holds `<script type="application/json" id="ID">null</script>` and the
// server swaps in JSON in which every `<`, `>` and `&` is a \u escape, so no
// value can close the script element or open a tag. The client reads it back
// with readPageData(ID) (html/client/dom.ts).

/** JSON that is safe inside a <script> element. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function withPageData(page: string, id: string, data: unknown): string {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`Bad page data id: ${id}`);
  const placeholder = `<script type="application/json" id="${id}">null</script>`;
  if (!page.includes(placeholder)) throw new Error(`The page has no data slot ${id}`);
  return page.replace(placeholder, () => `<script type="application/json" id="${id}">${scriptSafeJson(data)}</script>`);
}
