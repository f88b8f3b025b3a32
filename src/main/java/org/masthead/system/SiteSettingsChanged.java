package org.masthead.system;

import java.time.Instant;
import java.util.UUID;

/** Administrators changed how the site presents itself (name, description, language, logo, News name). */
public record SiteSettingsChanged(UUID eventId, SiteSettings.Editable previous, SiteSettings.Editable current, Instant at) {
}
