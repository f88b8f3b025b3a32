package org.masthead.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only when the connection
 * comes from a configured proxy ({@code masthead.trusted-proxies}, none by default): the client is then the last
 * address in X-Forwarded-For that is not itself a trusted proxy, so nobody can choose their own address for the
 * sign-in throttle or the live stream limits by sending the header themselves.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddressFilter(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                matchers.add(new IpAddressMatcher(proxy.strip()));
            }
        }
        this.trustedProxies = List.copyOf(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Forwarded(request, client(request), forwardedProto(request)), response);
    }

    /** Whether the client's connection is HTTPS: the proxy's word when a trusted proxy forwarded it. */
    public boolean isSecure(HttpServletRequest request) {
        if (trustedProxies.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            return request.isSecure();
        }
        String proto = forwardedProto(request);
        return proto == null ? request.isSecure() : proto.equals("https");
    }

    private String client(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        // walk back from the proxy that connected to us: the first hop no trusted proxy vouches for is the client
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return isAddress(hops.get(i)) ? hops.get(i) : request.getRemoteAddr();
            }
        }
        return hops.isEmpty() ? request.getRemoteAddr() : hops.get(0);
    }

    private static String forwardedProto(HttpServletRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return null;
        }
        String[] values = proto.split(",");
        String last = values[values.length - 1].strip().toLowerCase(Locale.ROOT);
        return last.equals("https") || last.equals("http") ? last : null;
    }

    private boolean isTrusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** A literal IPv4 or IPv6 address (never a host name, which would need a DNS lookup). */
    private static boolean isAddress(String value) {
        return value.matches("[0-9.]{7,15}") || (value.contains(":") && value.matches("[0-9A-Fa-f:.]{2,45}"));
    }

    /** The request as the client sent it to the proxy: its address and, when the proxy says so, https. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final String scheme;

        Forwarded(HttpServletRequest request, String client, String scheme) {
            super(request);
            this.client = client;
            this.scheme = scheme;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme == null ? super.getScheme() : scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme == null ? super.isSecure() : scheme.equals("https");
        }

        @Override
        public int getServerPort() {
            return scheme == null ? super.getServerPort() : scheme.equals("https") ? 443 : 80;
        }
    }
}
