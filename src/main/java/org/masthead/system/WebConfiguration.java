package org.masthead.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** ETags from the rendered bytes of reader pages, answering revalidation with 304 and no body. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> readerPageEtags() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        // Weak: the tag is computed from the uncompressed bytes, and Tomcat gzips only responses without a
        // strong ETag (a strong one would have to differ between the gzip and identity representations).
        filter.setWriteWeakETag(true);
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/", "/articles/*", "/sections/*", "/authors/*", "/news-feed", "/news-feed/*");
        registration.setName("readerPageEtags");
        return registration;
    }
}
