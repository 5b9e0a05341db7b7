package io.signalbox.proxy.routing;

/**
 * Why an upstream attempt failed, in the terms that decide what happens next: whether another
 * target is worth trying and how the failing target's health changes.
 */
public enum FailureKind {
    /** 429: the provider asks us to slow down; cool the target for its Retry-After. */
    RATE_LIMITED,
    /** The account is out of credit; no point in sending more until the user acts. */
    QUOTA_EXHAUSTED,
    /** 401/403: the provider key is wrong or lacks access; held out until the key is edited. */
    AUTH_REJECTED,
    /** 5xx: counted towards ejection. */
    SERVER_ERROR,
    /** No HTTP answer at all: refused, DNS, TLS, reset before headers. */
    CONNECT_FAILED,
    /** 408 or our own first-byte timeout. */
    TIMEOUT,
    /** 404: this provider does not serve the model; another target of the route may. */
    MODEL_NOT_FOUND,
    /**
     * The request itself is at fault (400, 413, 422, context too long, content policy): every
     * target would refuse it, so the client gets the answer as-is and the target stays healthy.
     */
    CALLER_ERROR;

    /**
     * The one predicate of the attempt loop: is this failure worth trying another target? Only a
     * caller error is not, because the next target would reject the same request and cost the user
     * another upstream call.
     */
    public boolean triesAnotherTarget() {
        return this != CALLER_ERROR;
    }
}
