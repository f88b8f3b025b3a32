package org.masthead.content;

import org.springframework.security.access.AccessDeniedException;

/**
 * Only Editors add or change raw HTML blocks. A refusal the writer can fix in the body (remove the block), so the
 * newsroom shows it on the body field with their text kept, not as a bare "forbidden".
 */
public class RawHtmlRefusedException extends AccessDeniedException {

    public RawHtmlRefusedException() {
        super("Only Editors can add or change raw HTML blocks. Remove the new HTML block, or ask an editor to add it.");
    }
}
