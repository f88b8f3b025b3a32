package org.masthead.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBytes  largest upload accepted
 * @param maxPixels largest picture accepted, checked from the header before decoding (decompression bombs)
 */
@ConfigurationProperties("masthead.media")
public record MediaLimits(@DefaultValue("20MB") DataSize maxBytes, @DefaultValue("50000000") long maxPixels) {
}
