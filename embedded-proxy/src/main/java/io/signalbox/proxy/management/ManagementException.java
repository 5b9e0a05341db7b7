package io.signalbox.proxy.management;

import java.util.List;
import java.util.Optional;

/**
 * A management call that is answered with an error: its HTTP status, a machine-readable code and a
 * message meant for the user as it is. Messages never hold a secret (a token, a provider key).
 */
public final class ManagementException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of a configuration document.
     *
     * @param path where in the JSON, e.g. {@code routes[0].targets[1].weight}; {@code $} for the
     *     whole document
     */
    public record Problem(String path, String message) {}

    private final int status;
    private final String code;
    private final transient List<Problem> problems;
    private final String kind;

    private ManagementException(
            int status, String code, String message, List<Problem> problems, String kind) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.kind = kind;
    }

    ManagementException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    /** 400: the configuration was refused whole for these problems; nothing changed. */
    public static ManagementException invalidConfig(List<Problem> problems) {
        return new ManagementException(
                400,
                "invalid_config",
                problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + " in the configuration; nothing was changed",
                problems,
                null);
    }

    /** 400: a parameter of the call cannot be answered; the message says which and why. */
    public static ManagementException badRequest(String message) {
        return new ManagementException(400, "invalid_parameter", message);
    }

    /** 404: no provider has this name. */
    public static ManagementException unknownProvider(String name) {
        return new ManagementException(
                404,
                "provider_not_found",
                "There is no provider named '" + name + "' in the configuration");
    }

    /**
     * 502: the provider gave no model list.
     *
     * @param message names the provider and what to check
     * @param kind why, as a word such as {@code wrong_key} or {@code timeout}
     */
    public static ManagementException discoveryFailed(String message, String kind) {
        return new ManagementException(502, "discovery_failed", message, List.of(), kind);
    }

    /** 404: no route has this name. */
    public static ManagementException unknownRoute(String name) {
        return new ManagementException(
                404,
                "route_not_found",
                "There is no route named '" + name + "' in the configuration");
    }

    /** 409: the route has no canary to promote or roll back. */
    public static ManagementException noCanary(String route) {
        return new ManagementException(
                409,
                "no_canary",
                "The route '" + route + "' has no canary; mark a target as canary first");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The problems of a refused configuration; empty for other errors. */
    public List<Problem> problems() {
        return problems;
    }

    /** Why a discovery failed, for clients that pick an icon or a hint by it. */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }
}
