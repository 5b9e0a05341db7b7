package io.signalbox.persistence.usage;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A class of HTTP statuses to filter the request log by, written {@code 2xx}, {@code 4xx}... */
public enum StatusClass {
    SUCCESS("2xx", 200),
    CLIENT_ERROR("4xx", 400),
    SERVER_ERROR("5xx", 500);

    private final String label;
    private final int lowest;

    StatusClass(String label, int lowest) {
        this.label = label;
        this.lowest = lowest;
    }

    /** How the class is written: {@code 2xx}, {@code 4xx} or {@code 5xx}. */
    public String label() {
        return label;
    }

    /** The lowest status of the class, e.g. 400. */
    public int lowest() {
        return lowest;
    }

    /** The highest status of the class, e.g. 499. */
    public int highest() {
        return lowest + 99;
    }

    /**
     * The class written as {@code label}, e.g. {@code 4xx}.
     *
     * @throws IllegalArgumentException when {@code label} names no class
     */
    public static StatusClass parse(String label) {
        for (StatusClass statusClass : values()) {
            if (statusClass.label.equalsIgnoreCase(label)) {
                return statusClass;
            }
        }
        throw new IllegalArgumentException(
                "unknown status class '"
                        + label
                        + "'; use one of "
                        + Arrays.stream(values())
                                .map(StatusClass::label)
                                .collect(Collectors.joining(", ")));
    }
}
