package org.masthead.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which Ghost endpoint a handler method is ({@code posts} / {@code browse}): Ghost words its error messages after
 * it ("Resource not found error, cannot read post.").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GhostEndpoint {

    /** The resource as Ghost names it, plural: {@code posts}, {@code tags}, {@code images}. */
    String docName();

    /** {@code browse}, {@code read}, {@code add}, {@code edit}, {@code destroy}, or another verb such as {@code upload}. */
    String method();
}
