package io.signalbox.proxy.http;

/**
 * A request the proxy answers itself, with an OpenAI-shaped error (CONTRACT section 3). Thrown
 * while reading and checking a request, before any upstream is called.
 */
final class RejectedRequest extends Exception {

    private final int status;
    private final String type;
    private final String code;

    RejectedRequest(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static RejectedRequest badRequest(String message) {
        return new RejectedRequest(400, "invalid_request_error", "invalid_request", message);
    }

    static RejectedRequest modelNotFound(String model) {
        return new RejectedRequest(
                404,
                "invalid_request_error",
                "model_not_found",
                "The model '" + model + "' does not exist or is disabled on this Signalbox");
    }

    static RejectedRequest invalidKey(String message) {
        return new RejectedRequest(401, "invalid_request_error", "invalid_api_key", message);
    }

    static RejectedRequest forbidden(String code, String message) {
        return new RejectedRequest(403, "permission_error", code, message);
    }

    static RejectedRequest tooLarge(long limit) {
        return new RejectedRequest(
                413,
                "invalid_request_error",
                "request_too_large",
                "The request body is larger than this Signalbox accepts (" + limit + " bytes)");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }
}
