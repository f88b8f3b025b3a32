package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module boundaries hold, and would stop a build that broke them: the same check run over the application
 * plus two test-only classes that reach where they may not fails, naming both.
 */
class ModuleBoundaryTests {

    private static final List<String> FORBIDDEN_FIXTURES = List.of("SearchReadingEditorialRowsFixture",
            "ReaderUsingContentInternalsFixture");

    @Test
    void featureModulesHaveNoCyclesAndUseOnlyEachOthersAllowedPublicTypes() {
        ApplicationModules.of(MastheadApplication.class).verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        ApplicationModules modules = ApplicationModules.of(MastheadApplication.class);

        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("content", "reader", "newsfeed", "search", "syndication", "editorial",
                        "identity", "media", "system", "text", "demo", "body", "api", "archive", "live");
        assertThat(modules.getModuleByName("text").orElseThrow().getDirectDependencies(modules).stream())
                .as("text depends on nothing").isEmpty();
    }

    @Test
    void aForbiddenDependencyOrAReachIntoInternalsFailsVerification() {
        ApplicationModules withFixtures = ApplicationModules.of(MastheadApplication.class, mainClassesAndForbiddenFixtures());

        assertThatThrownBy(withFixtures::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'search' depends on module 'editorial' via "
                        + "org.masthead.search.SearchReadingEditorialRowsFixture -> org.masthead.editorial.ArticleRow")
                .hasMessageContaining("Module 'reader' depends on module 'content' via "
                        + "org.masthead.reader.ReaderUsingContentInternalsFixture -> org.masthead.content.internal.ArticleStore");
    }

    /** What the application ships, plus the test-only classes that break the rules on purpose. */
    private static ImportOption mainClassesAndForbiddenFixtures() {
        ImportOption mainClasses = new ImportOption.DoNotIncludeTests();
        return location -> mainClasses.includes(location)
                || FORBIDDEN_FIXTURES.stream().anyMatch(fixture -> location.contains("/" + fixture));
    }
}
