/** Ghost's NQL filter language: a parser faithful to TryGhost/NQL and a compiler to parameterised PostgreSQL. */
package org.masthead.api.nql;
