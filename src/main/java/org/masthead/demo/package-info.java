/**
 * First-start content: the demo newsroom around the seed article — sections, authors, stories, static pages and
 * staff accounts, all written through content's write path — and generated datasets for benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content",
        allowedDependencies = {"content", "identity", "media", "system", "body", "text"})
package org.masthead.demo;
