/**
 * Live coverage: a live blog's entries on the reader page (newest first, pinned entry, key events, pages of older
 * entries, permalinks), pushed to every open page as Server-Sent Events with Last-Event-ID replay across nodes,
 * its LiveBlogPosting structured data, and the newsroom's live desk where reporters post entries. (The live blog's
 * feeds are syndication's, its Content API form and webhooks the API's; entries are content's.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live coverage",
        allowedDependencies = {"content", "body", "identity", "media", "system", "text"})
package org.masthead.live;
