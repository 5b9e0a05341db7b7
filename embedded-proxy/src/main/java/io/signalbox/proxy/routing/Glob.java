package io.signalbox.proxy.routing;

/**
 * Matches route names like {@code claude-*} against model names: {@code *} is any run of characters
 * (including none and including {@code /}), {@code ?} exactly one character, and everything else is
 * itself.
 *
 * <p>Hand-written instead of translated to a regex so that a route name such as {@code gpt-4.1} or
 * {@code llama(3)} can never be read as regex syntax. It works on code points so that {@code ?}
 * matches one whole character even outside the Basic Multilingual Plane.
 */
final class Glob {

    private Glob() {}

    /**
     * Greedy matching that, on a mismatch, lets the most recent {@code *} swallow one more
     * character. Only the latest star needs revisiting, which keeps this O(glob × text) with no
     * recursion, so a hostile model name cannot blow the stack or take exponential time.
     */
    static boolean matches(String glob, String text) {
        int[] pattern = glob.codePoints().toArray();
        int[] subject = text.codePoints().toArray();
        int p = 0;
        int s = 0;
        int star = -1;
        int starMatchEnd = 0;
        while (s < subject.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                starMatchEnd = s;
            } else if (p < pattern.length && (pattern[p] == '?' || pattern[p] == subject[s])) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++starMatchEnd;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }
}
