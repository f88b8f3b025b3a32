package org.masthead.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

class ExternalDatabaseTests {

    @Test
    void withADatasourceUrlTheAppUsesThatDatabaseAndStartsNoneOfItsOwn() throws Exception {
        Path appDataDir = Path.of("target", "test-data", "external-app");
        FileSystemUtils.deleteRecursively(appDataDir);
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(Path.of("target", "test-data", "external-db"), 0, true);
             ConfigurableApplicationContext app = new SpringApplicationBuilder(MastheadApplication.class).run(
                     "--spring.datasource.url=" + external.jdbcUrl(),
                     "--spring.datasource.username=" + external.username(),
                     "--spring.datasource.password=" + external.password(),
                     "--server.port=0",
                     "--masthead.data-dir=" + appDataDir,
                     "--masthead.demo-content=true")) {

            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(appDataDir.resolve("postgres")).doesNotExist();
            try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), external.username(), external.password());
                 var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from article where status = 'published' and kind = 'article'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(74);
            }
        }
    }
}
