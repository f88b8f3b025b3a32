package org.masthead.body;

import java.util.List;

import org.masthead.system.ContentSecurityPolicySources;
import org.springframework.stereotype.Component;

/** Readers' browsers may frame the listed providers' players — and nothing else. */
@Component
class EmbedPlayerSources implements ContentSecurityPolicySources {

    @Override
    public List<String> frames() {
        return EmbedProviders.playerOrigins();
    }
}
