package org.masthead.media;

import java.net.URI;
import java.util.List;

import org.masthead.system.ContentSecurityPolicySources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Pictures may come from the bucket or CDN that serves media, when one is configured. */
@Component
class MediaSources implements ContentSecurityPolicySources {

    private final String origin;

    MediaSources(@Value("${masthead.media.public-base-url:}") String publicBaseUrl) {
        String configured = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        URI uri = configured.isEmpty() ? null : URI.create(configured);
        this.origin = uri == null || uri.getHost() == null ? null
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public List<String> images() {
        return origin == null ? List.of() : List.of(origin);
    }
}
