package org.masthead.system;

import java.nio.file.Path;

/** For tests in other packages that run the packaged app: shuts down a PostgreSQL a killed run left behind. */
public final class LeftoverDatabases {

    private LeftoverDatabases() {
    }

    public static void stop(Path postgresDirectory) throws java.io.IOException {
        EmbeddedPostgresServer.stopLeftoverServer(postgresDirectory);
    }
}
