/**
 * `@customElement(tag)` that tolerates a second copy of the widget on the page (the script
 * included twice, or two versions from different URLs): the tag is defined only when no
 * element has it yet, so the first definition stays and nothing throws. On a server there is
 * a registry only when Lit's node build (or @lit-labs/ssr) has put one in place; without one
 * the element is simply not registered. Same name as Lit's decorator, which the
 * custom-elements-manifest analyzer recognises.
 */
export const customElement =
  (tag: string) =>
  (cls: CustomElementConstructor): void => {
    const registry = globalThis.customElements as CustomElementRegistry | undefined;
    if (registry && !registry.get(tag)) registry.define(tag, cls);
  };
