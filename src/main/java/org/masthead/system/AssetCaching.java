package org.masthead.system;

import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A static file asked for by its content-hashed name ({@link AssetUrls}) never changes under that name: it is sent
 * as immutable for a year. Only the name the file has now counts (a hash of older bytes gets the handler's 404 with
 * no such promise); the plain name keeps the handler's short cache.
 */
final class AssetCaching extends OncePerRequestFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** {@code name-<32 hex digits>.ext}: the form Spring's content version strategy gives a file name. */
    private static final Pattern VERSIONED = Pattern.compile("(.*)-[0-9a-f]{32}(\\.[A-Za-z0-9]+)$");

    private final UnaryOperator<String> currentAddress;

    /** @param currentAddress the hashed address of a file's plain one ({@link AssetUrls#url}) */
    AssetCaching(UnaryOperator<String> currentAddress) {
        this.currentAddress = currentAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Matcher versioned = VERSIONED.matcher(path);
        if (!versioned.matches() || !path.equals(currentAddress.apply(versioned.group(1) + versioned.group(2)))) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, immutableIfServed(name, value));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, immutableIfServed(name, value));
            }

            // should answering fail after all (an error page), that answer keeps the caching it was given
            private String immutableIfServed(String name, String value) {
                return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) && getStatus() < 400 ? IMMUTABLE : value;
            }
        });
    }
}
