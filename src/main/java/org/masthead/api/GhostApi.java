package org.masthead.api;

/** Facts about the Ghost API Masthead speaks. */
public final class GhostApi {

    /** The Ghost API version served: what {@code Content-Version} names and clients' {@code Accept-Version} is compared to. */
    public static final String VERSION = "6.0";

    private GhostApi() {
    }
}
