// Vue's self-contained browser ESM build (the bare 'vue' entry is for bundlers and reads
// `process.env`); its API and types are those of 'vue'.
declare module 'vue/dist/vue.runtime.esm-browser.prod.js' {
  export * from 'vue';
}
