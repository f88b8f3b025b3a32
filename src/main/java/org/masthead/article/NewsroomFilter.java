package org.masthead.article;

/**
 * What the newsroom's article list is narrowed to; null fields do not filter.
 *
 * @param createdBy  only articles this staff member created (contributors see their own)
 * @param beforeId   keyset position: continue below this (updated_at, id)
 */
public record NewsroomFilter(ArticleStatus status, Long sectionId, Long authorId, String headlineContains,
                             Long createdBy, Cursor before) {
}
