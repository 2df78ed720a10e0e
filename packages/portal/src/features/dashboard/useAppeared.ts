import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * True once an element matching `selector` exists inside `ref` (watched with a MutationObserver),
 * and at once when `required` is false. The dashboard uses it for the one part that is drawn a
 * frame after its data arrives (the chart's SVG waits for its measured width), so the page only
 * says it is ready when everything is on screen.
 */
export function useAppeared(ref: RefObject<HTMLElement | null>, selector: string, required: boolean): boolean {
  const [appeared, setAppeared] = useState(false);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!required || !root) return;
    if (root.querySelector(selector)) {
      setAppeared(true);
      return;
    }
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) {
        setAppeared(true);
        observer.disconnect();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref, selector, required]);
  return !required || appeared;
}
