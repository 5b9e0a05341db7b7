package io.signalbox.persistence.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what routers mean (ADR 0013): slugs, the routes each router names, and the routers access
 * keys are limited to.
 */
final class RoutersValidator {

    /** A URL path segment that needs no escaping and reads the same in every case-folding. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    private RoutersValidator() {}

    /**
     * @param routeNames the names of the valid routes, exactly as written in {@code routes[]}
     * @return the slugs of the routers, for the access keys' references
     */
    static Set<String> validateRouters(
            List<RouterConfig> routers, Set<String> routeNames, List<ConfigProblem> problems) {
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < routers.size(); i++) {
            RouterConfig router = routers.get(i);
            String path = "routers[" + i + "]";
            String slug = router.slug();
            if (slug != null) {
                String slugProblem = slugProblem(slug);
                if (slugProblem != null) {
                    problems.add(new ConfigProblem(path + ".slug", slugProblem));
                } else if (!slugs.add(slug)) {
                    problems.add(
                            new ConfigProblem(
                                    path + ".slug", "another router has the slug '" + slug + "'"));
                }
            }
            Set<String> listed = new HashSet<>();
            for (int r = 0; r < router.routes().size(); r++) {
                String route = router.routes().get(r);
                String routePath = path + ".routes[" + r + "]";
                if (!routeNames.contains(route)) {
                    problems.add(
                            new ConfigProblem(
                                    routePath,
                                    "no route is named '"
                                            + route
                                            + "' (a router lists route names exactly as in"
                                            + " routes)"));
                } else if (!listed.add(route)) {
                    problems.add(new ConfigProblem(routePath, "'" + route + "' is listed twice"));
                }
            }
        }
        return slugs;
    }

    /** Why a slug is unusable, or null. */
    static String slugProblem(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            return "use 1 to 64 lower-case letters, digits or '-' (it becomes part of the URL"
                    + " /router/SLUG/v1)";
        }
        return null;
    }

    static void validateKeyRouters(
            List<AccessKeyConfig> accessKeys, Set<String> slugs, List<ConfigProblem> problems) {
        for (int i = 0; i < accessKeys.size(); i++) {
            AccessKeyConfig key = accessKeys.get(i);
            Set<String> listed = new HashSet<>();
            for (int r = 0; r < key.routers().size(); r++) {
                String slug = key.routers().get(r);
                String path = "accessKeys[" + i + "].routers[" + r + "]";
                if (!slugs.contains(slug)) {
                    problems.add(new ConfigProblem(path, "no router has the slug '" + slug + "'"));
                } else if (!listed.add(slug)) {
                    problems.add(new ConfigProblem(path, "'" + slug + "' is listed twice"));
                }
            }
        }
    }
}
