// pbx-rules/debounce: one evaluation after the typing pauses, as zxcvbn-ts's `debounce`
// does for its meter. A keystroke only (re)starts a timer; the meter runs once, with the
// newest arguments, when no keystroke came for `wait` ms. Plain JS for the browser and Node.

/**
 * Debounces `fn`: each call restarts a timer of `wait` milliseconds, and `fn` runs once,
 * with the newest call's arguments, when no call came for that long. With `isImmediate`,
 * the first call of a burst runs at once and the rest of the burst is dropped (zxcvbn-ts's
 * third argument). `cancel()` drops a pending run.
 * @template {unknown[]} A
 * @param {(...args: A) => unknown} fn
 * @param {number} wait milliseconds, finite and not negative
 * @param {boolean} [isImmediate]
 * @returns {((...args: A) => void) & { cancel(): void }}
 */
export function debounce(fn, wait, isImmediate = false) {
  if (typeof fn !== "function") throw new TypeError("debounce: fn must be a function");
  if (typeof wait !== "number" || !Number.isFinite(wait) || wait < 0) {
    throw Object.assign(new RangeError(`debounce: wait must be a finite number of milliseconds ≥ 0, not ${wait}`), {
      code: "ERR_OUT_OF_RANGE",
    });
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @param {A} args */
  const debounced = (...args) => {
    const now = isImmediate && timer === undefined;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!isImmediate) fn(...args);
    }, wait);
    if (now) fn(...args);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
