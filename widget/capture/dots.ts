/** How masked text looks: each hidden character becomes a dot, separators stay, so the shape is kept. Pure. */
export const DOT = "•";

/** Every character but the first (and separators) becomes a dot, a lone one too; by code point, so none is cut in half. */
export const keepFirst = (part: string) => part.replace(/^.$|(?!^)[^.\s-]/gu, DOT);
export const dotsFrom = (text: string, keep: number) => text.slice(0, keep) + text.slice(keep).replace(/[^\s-]/g, DOT);
