/**
 * `@customElement(tag)` that tolerates a second copy of the widget on the page (the script
 * included twice, or two versions from different URLs): the tag is defined only when no
 * element has it yet, so the first definition stays and nothing throws. Same name as Lit's
 * decorator, which the custom-elements-manifest analyzer recognises.
 */
export const customElement =
  (tag: string) =>
  (cls: CustomElementConstructor): void => {
    customElements.get(tag) || customElements.define(tag, cls);
  };
