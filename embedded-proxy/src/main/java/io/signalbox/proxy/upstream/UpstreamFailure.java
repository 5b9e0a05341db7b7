package io.signalbox.proxy.upstream;

import io.signalbox.proxy.routing.FailureKind;

/**
 * An attempt got no complete HTTP answer: the connection failed, the first byte did not come in
 * time, or the answer broke off or went quiet.
 */
public final class UpstreamFailure extends Exception {

    private final FailureKind kind;

    public UpstreamFailure(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
