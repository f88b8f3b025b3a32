package org.masthead;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTests {

    @Test
    void featureModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(MastheadApplication.class).verify();
    }
}
