/**
 * First-start content: the demo newsroom around the seed article, and generated datasets for benchmarks.
 */
package org.masthead.demo;
