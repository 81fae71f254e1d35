// Pages under html/ are built by scripts/build.mjs and imported as strings.
declare module '*.html' {
  const html: string;
  export default html;
}
