// pdfmake's style look-up without its garbage. pdfmake asks its StyleContextStack for a dozen properties of every
// piece of text it measures (font, size, bold, colour, …), and each question made a closure, an array and, for
// every named style on the stack ('table', 'tableHeader'), a closure and a Set: over a 1,000-page list about a
// third of all the memory the print allocated (a heap sampling of tests/bench's list: ~1.1 of ~3.6 GB), and so a
// good part of its garbage-collection time. The same three methods, written to allocate nothing on the common
// path; the answers are the same (pdfmake 0.3.11 is pinned exactly: the methods are its own, rewritten).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type StyleName = string;
type StyleOverride = Record<string, unknown>;
interface Style {
  extends?: StyleName | StyleName[];
  [property: string]: unknown;
}

interface StyleContextStack {
  styleDictionary: Record<StyleName, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: Array<StyleName | StyleOverride>;
  push(styleNameOrOverride: StyleName | StyleOverride): void;
  pop(howMany?: number): void;
  autopush(item: unknown): number;
  getProperty(property: string): unknown;
}

interface StyleContextStackClass {
  prototype: StyleContextStack;
  getStyleProperty(item: Record<string, unknown>, stack: StyleContextStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/**
 * A named style's property, following `extends` (last parent first); a style met twice on the way counts as
 * not having it. `visited` is made only when a style extends another, the only way to meet one twice.
 */
function propertyOfStyle(styles: StyleContextStack['styleDictionary'], name: StyleName, property: string, visited: Set<StyleName> | null): unknown {
  if (visited?.has(name)) return undefined;
  const style = styles[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<StyleName>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let index = parents.length - 1; index >= 0; index--) {
    const value = propertyOfStyle(styles, parents[index]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

let installed = false;

/** Replaces StyleContextStack's autopush, getProperty and static getStyleProperty (see the top). */
export function installStyleLookup(): void {
  if (installed) return;
  installed = true;
  const stackClass = require('pdfmake/js/StyleContextStack').default as StyleContextStackClass;
  const stack = stackClass.prototype;

  stack.autopush = function (this: StyleContextStack, item: unknown): number {
    if (isString(item)) return 0;
    const node = item as Record<string, unknown>;
    if (typeof node.section !== 'undefined') return 0; // a section takes no style overrides
    let pushed = 0;
    const style = node.style as StyleName | StyleName[] | undefined;
    if (style) {
      if (Array.isArray(style)) {
        for (const name of style) this.push(name);
        pushed = style.length;
      } else {
        this.push(style);
        pushed = 1;
      }
    }
    this.push(node);
    return pushed + 1;
  };

  stack.getProperty = function (this: StyleContextStack, property: string): unknown {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let index = overrides.length - 1; index >= 0; index--) {
        const item = overrides[index]!;
        if (isString(item)) {
          const value = propertyOfStyle(this.styleDictionary, item, property, null);
          if (isValue(value)) return value;
        } else if (isValue(item[property])) return item[property];
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };

  stackClass.getStyleProperty = function (item, styleStack, property, defaultValue) {
    if (isValue(item[property])) return item[property];
    if (!styleStack) return defaultValue;
    // what StyleContextStack.auto(item, callback) does, without the callback
    const pushed = styleStack.autopush(item);
    const value = styleStack.getProperty(property);
    if (pushed > 0) styleStack.pop(pushed);
    return isValue(value) ? value : defaultValue;
  };
}
