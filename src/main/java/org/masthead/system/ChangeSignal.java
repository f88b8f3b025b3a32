package org.masthead.system;

/**
 * A change announced through PostgreSQL NOTIFY and received by this node's listener (every node gets every
 * signal, the sender included). {@code payload} is what the sender put in; "reconnected" after the listener
 * lost its connection, so receivers can catch up on what they may have missed.
 */
public record ChangeSignal(String payload) {

    public static final String RECONNECTED = "reconnected";
}
