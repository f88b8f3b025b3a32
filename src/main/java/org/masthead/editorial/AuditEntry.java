package org.masthead.editorial;

import java.time.Instant;

/** One line of the audit log: who did what to which article. */
public record AuditEntry(long id, Instant at, String staffName, String action, Long articleId, String headline,
                         String detail) {
}
