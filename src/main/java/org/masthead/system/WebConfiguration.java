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
    FilterRegistrationBean<PublicResponseFilter> publicResponses(PageCache cache) {
        var registration = new FilterRegistrationBean<>(new PublicResponseFilter(cache));
        registration.addUrlPatterns("/", "/articles/*", "/sections/*", "/authors/*", "/tags/*", "/news-feed",
                "/news-feed/*", "/feed.xml", "/feed.atom", "/feed.json", "/sitemap.xml", "/robots.txt",
                "/search");
        registration.setName("publicResponses");
        // Before Spring Security (-100): a page served from the cache skips the security chain and the
        // dispatcher; the security headers it was first sent with are stored with it.
        registration.setOrder(-110);
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("privateNewsroomPages");
        return registration;
    }
}
