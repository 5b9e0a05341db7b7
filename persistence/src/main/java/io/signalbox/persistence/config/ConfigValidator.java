package io.signalbox.persistence.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a configuration means: names, references between its parts, URLs and globs. Fields
 * that could not be read ({@code null}) were reported by the reader already and are skipped here.
 * Messages never quote a secret.
 */
public final class ConfigValidator {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Model names in the wild use letters, digits and {@code . _ - : / @ +}; {@code *} and {@code
     * ?} make the name a glob.
     */
    static final Pattern ROUTE_NAME = Pattern.compile("[A-Za-z0-9._:/@+*?-]{1,128}");

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    /** Headers the proxy owns for each upstream request; a provider may not override them. */
    private static final Set<String> RESERVED_HEADERS =
            Set.of(
                    "host",
                    "content-length",
                    "content-type",
                    "transfer-encoding",
                    "connection",
                    "upgrade",
                    "te",
                    "trailer",
                    "keep-alive",
                    "proxy-connection");

    static final int MIN_ACCESS_KEY_LENGTH = 16;

    private ConfigValidator() {}

    public static List<ConfigProblem> validate(SignalboxConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> providerNames = validateProviders(config.providers(), problems);
        Set<String> routeNames = validateRoutes(config.routes(), providerNames, problems);
        validateAccessKeys(config.accessKeys(), routeNames, problems);
        Set<String> slugs =
                RoutersValidator.validateRouters(config.routers(), routeNames, problems);
        RoutersValidator.validateKeyRouters(config.accessKeys(), slugs, problems);
        return problems;
    }

    private static Set<String> validateProviders(
            List<ProviderConfig> providers, List<ConfigProblem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < providers.size(); i++) {
            ProviderConfig provider = providers.get(i);
            String path = "providers[" + i + "]";
            checkUniqueName(path, provider.name(), "provider", names, problems);
            if (!ProviderConfig.TYPE_OPENAI.equals(provider.type())) {
                problems.add(
                        new ConfigProblem(
                                path + ".type",
                                "the only type is 'openai' (any OpenAI-compatible server)"));
            }
            if (provider.baseUrl() != null) {
                String urlProblem = baseUrlProblem(provider.baseUrl());
                if (urlProblem != null) {
                    problems.add(new ConfigProblem(path + ".baseUrl", urlProblem));
                }
            }
            provider.apiKey()
                    .filter(ConfigValidator::hasWhitespaceOrControl)
                    .ifPresent(
                            key ->
                                    problems.add(
                                            new ConfigProblem(
                                                    path + ".apiKey",
                                                    "contains spaces or line breaks; paste the key alone")));
            provider.trustedCertificate()
                    .map(TrustedCertificates::problem)
                    .ifPresent(
                            problem ->
                                    problems.add(
                                            new ConfigProblem(
                                                    path + ".trustedCertificate", problem)));
            provider.headers()
                    .forEach(
                            (header, value) ->
                                    validateHeader(
                                            path + ".headers." + header, header, value, problems));
            Set<String> models = new HashSet<>();
            for (int m = 0; m < provider.models().size(); m++) {
                String model = provider.models().get(m);
                if (model.isBlank()) {
                    problems.add(new ConfigProblem(path + ".models[" + m + "]", "is empty"));
                } else if (!models.add(model)) {
                    problems.add(
                            new ConfigProblem(
                                    path + ".models[" + m + "]",
                                    "'" + model + "' is listed twice"));
                }
            }
        }
        return names;
    }

    /** A provider or access key name: the allowed characters, and not taken by an earlier one. */
    private static void checkUniqueName(
            String path,
            String name,
            String kind,
            Set<String> names,
            List<ConfigProblem> problems) {
        if (name == null) {
            return; // reported by the reader
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(
                    new ConfigProblem(
                            path + ".name", "use 1 to 64 letters, digits, '.', '_' or '-'"));
        } else if (!names.add(name)) {
            problems.add(
                    new ConfigProblem(
                            path + ".name", "another " + kind + " is named '" + name + "'"));
        }
    }

    /**
     * Why a provider base URL is unusable, or null. The URL is not quoted: it may hold a password.
     */
    static String baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL (expected e.g. http://localhost:11434/v1)";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with http:// or https://";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "has no host name";
        }
        if (uri.getUserInfo() != null) {
            return "must not contain a user name or password; put the key in apiKey";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query (?) or fragment (#)";
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.endsWith("/chat/completions") || path.endsWith("/completions")) {
            return "must end before /chat/completions (e.g. https://api.openai.com/v1)";
        }
        return null;
    }

    private static void validateHeader(
            String path, String name, String value, List<ConfigProblem> problems) {
        if (!HEADER_NAME.matcher(name).matches()) {
            problems.add(new ConfigProblem(path, "is not a valid HTTP header name"));
        } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(
                    new ConfigProblem(path, "is set by the proxy itself and cannot be overridden"));
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            problems.add(new ConfigProblem(path, "the value must not contain line breaks"));
        }
    }

    private static Set<String> validateRoutes(
            List<RouteConfig> routes, Set<String> providerNames, List<ConfigProblem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            String path = "routes[" + i + "]";
            String name = route.name();
            if (name != null) {
                String nameProblem = routeNameProblem(name);
                if (nameProblem != null) {
                    problems.add(new ConfigProblem(path + ".name", nameProblem));
                } else if (!names.add(name)) {
                    problems.add(
                            new ConfigProblem(
                                    path + ".name", "another route is named '" + name + "'"));
                }
            }
            RoutingOptionsValidator.validateRoute(route, path, problems);
            CanaryOptions.validateRoute(route, path, problems);
            TpmLimitValidator.validateRoute(route, path, problems);
            if (route.targets().isEmpty()) {
                problems.add(
                        new ConfigProblem(path + ".targets", "a route needs at least one target"));
            }
            Map<String, String> targetPaths = new HashMap<>();
            for (int t = 0; t < route.targets().size(); t++) {
                TargetConfig target = route.targets().get(t);
                String targetPath = path + ".targets[" + t + "]";
                checkReference(
                        targetPath, target.provider(), target.model(), providerNames, problems);
                String previous =
                        targetPaths.putIfAbsent(key(target.provider(), target.model()), targetPath);
                if (previous != null && target.provider() != null && target.model() != null) {
                    problems.add(new ConfigProblem(targetPath, "the same model as " + previous));
                }
            }
            Set<String> fallbacks = new HashSet<>();
            for (int f = 0; f < route.fallbacks().size(); f++) {
                FallbackConfig fallback = route.fallbacks().get(f);
                String fallbackPath = path + ".fallbacks[" + f + "]";
                checkReference(
                        fallbackPath,
                        fallback.provider(),
                        fallback.model(),
                        providerNames,
                        problems);
                if (fallback.provider() == null || fallback.model() == null) {
                    continue;
                }
                String key = key(fallback.provider(), fallback.model());
                if (targetPaths.containsKey(key)) {
                    problems.add(
                            new ConfigProblem(
                                    fallbackPath,
                                    "is already a target ("
                                            + targetPaths.get(key)
                                            + "); a fallback must be another model"));
                } else if (!fallbacks.add(key)) {
                    problems.add(new ConfigProblem(fallbackPath, "is listed twice"));
                }
            }
        }
        return names;
    }

    /** Why a route name or glob is unusable, or null. */
    static String routeNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        for (char c : new char[] {'[', ']', '{', '}', '\\', '!'}) {
            if (name.indexOf(c) >= 0) {
                return "'" + c + "' is not supported; a glob may only use * and ?";
            }
        }
        if (!ROUTE_NAME.matcher(name).matches()) {
            return "use up to 128 letters, digits, '.', '_', '-', ':', '/', '@', '+' and the glob"
                    + " characters * and ?";
        }
        if (name.contains("**")) {
            return "'**' is the same as '*'; write a single '*'";
        }
        return null;
    }

    private static void checkReference(
            String path,
            String provider,
            String model,
            Set<String> providerNames,
            List<ConfigProblem> problems) {
        if (provider != null && !providerNames.contains(provider)) {
            problems.add(
                    new ConfigProblem(
                            path + ".provider", "no provider is named '" + provider + "'"));
        }
        if (model != null && model.isBlank()) {
            problems.add(new ConfigProblem(path + ".model", "is empty"));
        }
    }

    private static String key(String provider, String model) {
        return provider + "\u0000" + model;
    }

    private static void validateAccessKeys(
            List<AccessKeyConfig> accessKeys,
            Set<String> routeNames,
            List<ConfigProblem> problems) {
        Set<String> names = new HashSet<>();
        Map<String, String> keyPaths = new HashMap<>();
        for (int i = 0; i < accessKeys.size(); i++) {
            AccessKeyConfig accessKey = accessKeys.get(i);
            String path = "accessKeys[" + i + "]";
            checkUniqueName(path, accessKey.name(), "access key", names, problems);
            accessKey
                    .key()
                    .ifPresent(
                            key -> {
                                if (key.length() < MIN_ACCESS_KEY_LENGTH
                                        || hasWhitespaceOrControl(key)) {
                                    problems.add(
                                            new ConfigProblem(
                                                    path + ".key",
                                                    "must be at least "
                                                            + MIN_ACCESS_KEY_LENGTH
                                                            + " characters without spaces"));
                                }
                                String other = keyPaths.putIfAbsent(key, path);
                                if (other != null) {
                                    problems.add(
                                            new ConfigProblem(
                                                    path + ".key", "is the same key as " + other));
                                }
                            });
            accessKey
                    .dailyTokenLimit()
                    .ifPresent(
                            limit -> {
                                if (limit < 1) {
                                    problems.add(
                                            new ConfigProblem(
                                                    path + ".dailyTokenLimit",
                                                    "must be a whole number of tokens above 0"
                                                            + " (it is "
                                                            + limit
                                                            + "); leave it out for no limit"));
                                }
                            });
            for (int r = 0; r < accessKey.routes().size(); r++) {
                String route = accessKey.routes().get(r);
                if (!routeNames.contains(route)) {
                    problems.add(
                            new ConfigProblem(
                                    path + ".routes[" + r + "]",
                                    "no route is named '" + route + "'"));
                }
            }
        }
    }

    private static boolean hasWhitespaceOrControl(String value) {
        return value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
