/** opencc-js ships its dictionaries as ES modules exporting one "source replacement|…" string, without types. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
