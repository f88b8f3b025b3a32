package org.masthead.system;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Reader pages and feeds: compressed once, strong ETags, 304 on revalidation, served from the page cache. */
    @Bean
    FilterRegistrationBean<PublicResponseFilter> publicResponses(PageCache cache, DatabaseAvailability database,
                                                                 UnavailablePage unavailable) {
        var registration = new FilterRegistrationBean<>(new PublicResponseFilter(cache, database, unavailable));
        registration.addUrlPatterns(PUBLIC_PATHS.toArray(String[]::new));
        registration.setName("publicResponses");
        // Before Spring Security (-100): a page served from the cache skips the security chain and the
        // dispatcher; the security headers it was first sent with are stored with it.
        registration.setOrder(-110);
        return registration;
    }

    /** Reader pages and feeds, as servlet URL patterns: what {@link PublicResponseFilter} finishes and stores. */
    static final java.util.List<String> PUBLIC_PATHS = java.util.List.of("/", "/articles/*", "/sections/*",
            "/authors/*", "/tags/*", "/news-feed", "/news-feed/*", "/feed.xml", "/feed.atom", "/feed.json",
            "/sitemap.xml", "/robots.txt", "/search");

    /**
     * Stored pages served by Tomcat before the filter chain ({@code masthead.page-cache.early}, on by default): the
     * same response as from the filter, at a fraction of the cost. Off, the filter serves them as before.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "masthead.page-cache.early",
            havingValue = "true", matchIfMissing = true)
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            cachedPagesFirst(PageCache cache, FilterRegistrationBean<ClientAddressFilter> clientAddresses,
                             FilterRegistrationBean<SecurityHeadersFilter> securityHeaders,
                             io.micrometer.core.instrument.MeterRegistry meters) {
        // the registered filters themselves: one configuration of trusted proxies and of the policy for both paths
        return factory -> factory.addContextValves(new CachedPageValve(PUBLIC_PATHS, cache, securityHeaders.getFilter(),
                clientAddresses.getFilter(), meters));
    }

    /** First of all: who the client is (forwarded headers only from configured proxies). */
    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddresses(
            @org.springframework.beans.factory.annotation.Value("${masthead.trusted-proxies:}") java.util.List<String> trustedProxies) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(trustedProxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("clientAddresses");
        return registration;
    }

    /** Before the page cache, so cached pages carry the headers too. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(
            @org.springframework.beans.factory.annotation.Value("${masthead.http.content-security-policy:}") String configured,
            java.util.List<ContentSecurityPolicySources> sources) {
        String contentSecurityPolicy = configured.isBlank() ? contentSecurityPolicy(sources) : configured;
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(contentSecurityPolicy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("securityHeaders");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RedirectLocationFilter> redirectLocations(SiteSettings settings) {
        var registration = new FilterRegistrationBean<>(new RedirectLocationFilter(settings::current));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("redirectLocations");
        return registration;
    }

    /** Scripts and styles only from files of this site; images also from data: URLs (placeholders). */
    static final String DEFAULT_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** No inline script but what modules name by hash; frames only from the embed players modules list. */
    static String contentSecurityPolicy(java.util.List<ContentSecurityPolicySources> sources) {
        java.util.Set<String> scripts = new java.util.LinkedHashSet<>(java.util.List.of("'self'"));
        java.util.Set<String> frames = new java.util.LinkedHashSet<>(java.util.List.of("'self'"));
        java.util.Set<String> images = new java.util.LinkedHashSet<>(java.util.List.of("'self'", "data:", "blob:"));
        for (ContentSecurityPolicySources source : sources) {
            scripts.addAll(source.scripts());
            frames.addAll(source.frames());
            images.addAll(source.images());
        }
        return "default-src 'self'; script-src " + String.join(" ", scripts) + "; style-src 'self'; img-src "
                + String.join(" ", images) + "; font-src 'self'; connect-src 'self'; media-src 'self'; frame-src "
                + String.join(" ", frames) + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'self'";
    }

    /** Static files under their content-hashed names are immutable; see {@link AssetUrls}. */
    @Bean
    FilterRegistrationBean<AssetCaching> assetCaching() {
        var registration = new FilterRegistrationBean<>(new AssetCaching(AssetUrls::url));
        registration.addUrlPatterns("/assets/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        registration.setName("assetCaching");
        return registration;
    }

    /** Nothing a signed-in staff member sees may be stored by a browser cache or a CDN. */
    @Bean
    FilterRegistrationBean<Filter> privateNewsroomPages() {
        Filter filter = (request, response, chain) -> {
            ((HttpServletResponse) response).setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            chain.doFilter(request, response);
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/admin", "/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setName("privateNewsroomPages");
        return registration;
    }
}
