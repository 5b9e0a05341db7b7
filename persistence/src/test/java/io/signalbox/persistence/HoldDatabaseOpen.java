package io.signalbox.persistence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DatabaseTest}: opens the database of the data dir given as its
 * argument, says so on stdout, and holds it open until its stdin closes.
 */
final class HoldDatabaseOpen {

    static final String READY = "open";

    private HoldDatabaseOpen() {}

    public static void main(String[] args) throws IOException {
        Database database = Database.open(Path.of(args[0]));
        try {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        } finally {
            database.close();
        }
    }
}
