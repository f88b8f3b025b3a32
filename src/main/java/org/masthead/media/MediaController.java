package org.masthead.media;

import org.masthead.system.MastheadProperties;
import org.masthead.system.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class MediaController {

    private final MediaLibrary library;
    private final CacheControl cacheControl;

    MediaController(MediaLibrary library, MastheadProperties properties) {
        this.library = library;
        this.cacheControl = CacheControl.maxAge(properties.http().mediaMaxAge()).cachePublic().immutable();
    }

    @GetMapping(MediaUrls.PATH + "{fileName}")
    ResponseEntity<Resource> file(@PathVariable String fileName) {
        // The pattern check also keeps "../" and other path tricks away from the file system.
        if (!MediaLibrary.FILE_NAME.matcher(fileName).matches()) {
            throw new NotFoundException("No media file " + fileName);
        }
        String contentType = library.contentTypeOf(fileName).orElseThrow(() -> new NotFoundException("No media file " + fileName));
        Resource file = library.open(fileName).orElseThrow(() -> new NotFoundException("No media file " + fileName));
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .eTag('"' + fileName + '"')
                .contentType(MediaType.parseMediaType(contentType))
                .body(file);
    }
}
