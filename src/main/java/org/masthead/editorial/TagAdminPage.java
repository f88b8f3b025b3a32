package org.masthead.editorial;

import java.util.List;

import org.masthead.content.Tags;
import org.masthead.system.AdminFrame;

/** The tags screen: every tag with its use, forms to rename, describe and delete. */
public record TagAdminPage(AdminFrame frame, List<Tags.TagUse> tags, String error, String notice) {
}
