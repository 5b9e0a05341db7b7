package io.signalbox.persistence;

/**
 * Lengths of the request log's text columns (V1__initial_schema.sql). Text a client controls is cut
 * to fit rather than failing the insert: one request with a huge model name must not lose the whole
 * batch it was written with.
 */
final class Columns {

    static final int NAME = 64;
    static final int ROUTE = 512;
    static final int MODEL = 512;
    static final int OUTCOME = 32;
    static final int ERROR = 4096;

    private Columns() {}

    /** {@code text}, cut to at most {@code maxLength} chars without splitting a surrogate pair. */
    static String clip(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
