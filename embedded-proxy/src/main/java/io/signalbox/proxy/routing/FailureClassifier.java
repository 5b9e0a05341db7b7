package io.signalbox.proxy.routing;

import java.util.Locale;

/**
 * Sorts an upstream HTTP error into a {@link FailureKind}.
 *
 * <p>The table follows the union of what LiteLLM, Bifrost and the OpenAI SDKs do (research notes,
 * section 1.2): quota is told apart from a plain rate limit because a 5-second cooldown would just
 * hammer an empty account, and a too-long context is a caller error because cooling a healthy
 * target for it takes good capacity away for nothing.
 */
public final class FailureClassifier {

    /** OpenAI's error code for an account without credit; sent with 429 and sometimes 403. */
    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private FailureClassifier() {}

    /**
     * @param status the upstream HTTP status of a response that was not a success
     * @param bodySnippet the start of the upstream error body; may be null or empty
     */
    public static FailureKind classifyStatus(int status, String bodySnippet) {
        String body = bodySnippet == null ? "" : bodySnippet.toLowerCase(Locale.ROOT);
        boolean quota = body.contains(INSUFFICIENT_QUOTA);
        return switch (status) {
            case 429 -> quota ? FailureKind.QUOTA_EXHAUSTED : FailureKind.RATE_LIMITED;
            // 402 Payment Required is how OpenRouter and others say the credit ran out.
            case 402 -> FailureKind.QUOTA_EXHAUSTED;
            case 401 -> FailureKind.AUTH_REJECTED;
            case 403 -> quota ? FailureKind.QUOTA_EXHAUSTED : FailureKind.AUTH_REJECTED;
            case 404 -> FailureKind.MODEL_NOT_FOUND;
            case 408 -> FailureKind.TIMEOUT;
            default -> classifyRange(status);
        };
    }

    private static FailureKind classifyRange(int status) {
        if (status >= 400 && status < 500) {
            // 400 (including context_length_exceeded), 409, 413, 415, 422 and unknown 4xx: the
            // request would fail the same way everywhere.
            return FailureKind.CALLER_ERROR;
        }
        // 5xx, and anything an OpenAI-compatible server should never send as an error (1xx, 3xx,
        // out-of-range codes): the upstream is broken, so another target is worth a try.
        return FailureKind.SERVER_ERROR;
    }
}
