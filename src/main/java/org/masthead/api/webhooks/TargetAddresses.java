package org.masthead.api.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may be sent: http or https addresses on the public internet. Loopback, link-local, private,
 * carrier-grade NAT, unique-local, multicast and unspecified addresses are refused — at registration and again
 * before every delivery, since a name may come to resolve elsewhere — so a webhook cannot be pointed at the
 * servers beside Masthead. {@code masthead.webhooks.allow-private-targets=true} lifts this (tests, intranets).
 */
public final class TargetAddresses {

    /** A target that may not receive webhooks, and why. */
    public static final class RefusedTarget extends Exception {
        RefusedTarget(String message) {
            super(message);
        }
    }

    private TargetAddresses() {
    }

    public static URI check(String url, boolean allowPrivate) throws RefusedTarget {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new RefusedTarget("The target URL is not a valid address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("The target URL must start with https:// or http://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("The target URL needs a host name.");
        }
        if (url.length() > 2000) {
            throw new RefusedTarget("The target URL may be at most 2000 characters.");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTarget("The host " + uri.getHost() + " could not be found.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedTarget("The host " + uri.getHost() + " is a private, loopback or link-local address ("
                        + address.getHostAddress() + "); webhooks go only to the public internet.");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // 0/8, carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)    // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))           // benchmarking
                    && first < 240;                                                // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mappedV4 = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
