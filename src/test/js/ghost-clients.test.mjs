// Ghost's official JavaScript clients, unchanged, against a running Masthead.
//
// Run by src/test/java/org/masthead/api/GhostJsClientsTests.java (which starts Masthead and makes the
// integration, section and byline), or by hand against any Masthead:
//
//   MASTHEAD_URL=http://127.0.0.1:8080 MASTHEAD_CONTENT_KEY=... MASTHEAD_ADMIN_KEY=id:secret \
//   MASTHEAD_AUTHOR_EMAIL=editor@masthead.test MASTHEAD_IMAGE=/path/to/small.jpg \
//   node --test --test-reporter=spec ghost-clients.test.mjs
//
// The clients are constructed exactly as their READMEs say. The script writes data, so everything it makes has a
// name unique to this run and it works on a site that already has unrelated content; it deletes what it made.
// It needs Node 18 or later (node:test, global fetch).

import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {existsSync} from 'node:fs';

import GhostContentAPI from '@tryghost/content-api';
import GhostAdminAPI from '@tryghost/admin-api';

const require = createRequire(import.meta.url);
// The Admin client's own token maker: used only for the one raw request below that checks the HTTP status of a
// collision, because the Admin client (unlike the Content client) does not keep the response on its errors.
const adminToken = require('@tryghost/admin-api/lib/token');

// --- configuration

function env(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: GhostJsClientsTests sets MASTHEAD_URL, MASTHEAD_CONTENT_KEY, ` +
            'MASTHEAD_ADMIN_KEY, MASTHEAD_AUTHOR_EMAIL and MASTHEAD_IMAGE before running this script');
    }
    return value;
}

const url = env('MASTHEAD_URL');
const contentKey = env('MASTHEAD_CONTENT_KEY');
const adminKey = env('MASTHEAD_ADMIN_KEY');
const authorEmail = env('MASTHEAD_AUTHOR_EMAIL');
const imagePath = env('MASTHEAD_IMAGE');
assert.ok(existsSync(imagePath), `MASTHEAD_IMAGE ${imagePath} does not exist`);

const content = new GhostContentAPI({url, key: contentKey, version: 'v6.0'});
const admin = new GhostAdminAPI({url, key: adminKey, version: 'v6.0'});

// --- helpers

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

function step(message) {
    console.log(`[ghost-js] ${message}`);
}

function isInteger(value) {
    return Number.isInteger(value);
}

function assertPagination(meta, expected) {
    assert.ok(meta && meta.pagination, 'a browse answer has meta.pagination');
    const p = meta.pagination;
    for (const key of ['page', 'limit', 'pages', 'total']) {
        assert.ok(isInteger(p[key]), `meta.pagination.${key} is an integer, got ${JSON.stringify(p[key])}`);
    }
    assert.ok(p.next === null || isInteger(p.next), `meta.pagination.next is null or an integer, got ${p.next}`);
    assert.ok(p.prev === null || isInteger(p.prev), `meta.pagination.prev is null or an integer, got ${p.prev}`);
    for (const [key, value] of Object.entries(expected)) {
        assert.equal(p[key], value, `meta.pagination.${key}`);
    }
    return p;
}

/** Rejects with a Ghost error of this type: the clients copy errors[0].type to the Error's name. */
async function assertGhostError(promise, name, what) {
    let caught;
    try {
        await promise;
    } catch (error) {
        caught = error;
    }
    assert.ok(caught, `${what}: expected a ${name}, but the call succeeded`);
    assert.ok(caught instanceof Error, `${what}: the client throws an Error`);
    assert.equal(caught.name, name, `${what}: error name (message: ${caught.message})`);
    assert.equal(typeof caught.message, 'string');
    assert.ok(caught.message.length > 0, `${what}: the error has a message`);
    return caught;
}

// --- state shared by the steps, which run in order

const fixtureTagName = `JS Clients ${run}`;
let fixtureTagSlug;
const fixturePosts = [];
let featuredFixture;
let author;

let post; // the post written, edited, published and deleted through the Admin client
let firstUpdatedAt;
let imageUrl;
let throwawayTag;
const tagsToRemove = new Set();

before(async () => {
    // Three published posts with a tag of their own, one featured, for the Content API's filters and pages.
    for (let i = 1; i <= 3; i++) {
        const made = await admin.posts.add({
            title: `JS client fixture ${i} ${run}`,
            html: `<p>Fixture ${i} for the Ghost client test run ${run}.</p>`,
            tags: [fixtureTagName],
            authors: [authorEmail],
            featured: i === 2,
            status: 'published'
        }, {source: 'html'});
        assert.equal(made.status, 'published', 'a fixture post is published');
        fixturePosts.push(made);
    }
    featuredFixture = fixturePosts[1];
    fixtureTagSlug = fixturePosts[0].tags[0].slug;
    tagsToRemove.add(fixturePosts[0].tags[0].id);
    author = fixturePosts[0].authors[0];
    assert.equal(author.email, authorEmail, 'the fixture posts are written under the author named by email');
    step(`setup: published 3 fixture posts tagged '${fixtureTagSlug}' by ${author.slug} (run ${run})`);
});

after(async () => {
    // Best effort: leave the site as it was, even when a step failed.
    const leftovers = [...fixturePosts];
    if (post && post.id) {
        leftovers.push(post);
    }
    for (const made of leftovers) {
        try {
            await admin.posts.delete({id: made.id});
        } catch (error) {
            if (error.name !== 'NotFoundError') {
                console.log(`[ghost-js] cleanup: could not delete post ${made.id}: ${error.name}: ${error.message}`);
            }
        }
    }
    if (throwawayTag) {
        tagsToRemove.add(throwawayTag.id);
    }
    for (const id of tagsToRemove) {
        try {
            await admin.tags.delete({id});
        } catch (error) {
            if (error.name !== 'NotFoundError') {
                console.log(`[ghost-js] cleanup: could not delete tag ${id}: ${error.name}: ${error.message}`);
            }
        }
    }
});

// --- Content API

test('Content API: browse posts with a limit and integer pagination', async () => {
    const posts = await content.posts.browse({limit: 2, include: 'tags,authors'});
    assert.ok(Array.isArray(posts), 'browse returns an array');
    assert.equal(posts.length, 2, 'limit 2 gives two posts on a site with at least three');
    const p = assertPagination(posts.meta, {page: 1, limit: 2, prev: null, next: 2});
    assert.ok(p.total >= 3 && p.pages >= 2, `total ${p.total} and pages ${p.pages} count the fixture posts`);
    for (const one of posts) {
        assert.equal(typeof one.id, 'string');
        assert.equal(typeof one.slug, 'string');
        assert.equal(typeof one.title, 'string');
        assert.match(one.url, /^https?:\/\//, 'a post has an absolute url');
        assert.ok(Array.isArray(one.tags), 'include=tags adds tags');
        assert.ok(Array.isArray(one.authors) && one.authors.length > 0, 'include=authors adds authors');
    }
    step(`browse posts: ${posts.length} of ${p.total}, pages ${p.pages}`);
});

test('Content API: NQL filters by tag and featured', async () => {
    const tagged = await content.posts.browse({filter: `tag:${fixtureTagSlug}`, limit: 10, include: 'tags'});
    assertPagination(tagged.meta, {page: 1, limit: 10, pages: 1, total: 3, next: null, prev: null});
    assert.deepEqual(tagged.map((p) => p.id).sort(), fixturePosts.map((p) => p.id).sort(),
        'tag: finds exactly the fixture posts');
    for (const one of tagged) {
        assert.ok(one.tags.some((t) => t.slug === fixtureTagSlug), 'each post found carries the tag');
    }

    const featured = await content.posts.browse({filter: `tag:${fixtureTagSlug}+featured:true`});
    assert.equal(featured.length, 1, 'tag:+featured:true finds one post');
    assert.equal(featured[0].id, featuredFixture.id);
    assert.equal(featured[0].featured, true);
    assertPagination(featured.meta, {total: 1, pages: 1});

    const notFeatured = await content.posts.browse({filter: `tag:${fixtureTagSlug}+featured:false`});
    assert.equal(notFeatured.length, 2, 'tag:+featured:false finds the other two');
    assert.ok(notFeatured.every((p) => p.featured === false));

    const either = await content.posts.browse({filter: `tag:[${fixtureTagSlug}],featured:true`, limit: 100});
    assert.ok(either.length >= 1, 'an OR filter with a list parses');
    step(`filter: tag:${fixtureTagSlug} gives 3, +featured:true gives 1, +featured:false gives 2`);
});

test('Content API: paginate to page 2 and past the end', async () => {
    const filter = `tag:${fixtureTagSlug}`;
    const first = await content.posts.browse({filter, limit: 2, page: 1});
    assertPagination(first.meta, {page: 1, limit: 2, pages: 2, total: 3, next: 2, prev: null});
    assert.equal(first.length, 2);

    const second = await content.posts.browse({filter, limit: 2, page: 2});
    assertPagination(second.meta, {page: 2, limit: 2, pages: 2, total: 3, next: null, prev: 1});
    assert.equal(second.length, 1, 'page 2 holds the third post');
    const seen = new Set([...first, ...second].map((p) => p.id));
    assert.equal(seen.size, 3, 'the two pages do not overlap');

    const beyond = await content.posts.browse({filter, limit: 2, page: 3});
    assert.ok(Array.isArray(beyond), 'a page past the end is still a list');
    assert.equal(beyond.length, 0, 'a page past the end is empty');
    assertPagination(beyond.meta, {page: 3, limit: 2, pages: 2, total: 3});
    step('paginate: page 1 has 2, page 2 has 1, page 3 is empty');
});

test('Content API: read a post by slug and by id', async () => {
    const wanted = fixturePosts[0];
    const bySlug = await content.posts.read({slug: wanted.slug}, {include: 'tags,authors'});
    assert.ok(!Array.isArray(bySlug), 'read returns one object');
    assert.equal(bySlug.id, wanted.id);
    assert.equal(bySlug.title, wanted.title);
    assert.match(bySlug.html, new RegExp(`Fixture 1 for the Ghost client test run ${run}`));
    assert.equal(bySlug.primary_tag && bySlug.primary_tag.slug, fixtureTagSlug, 'primary_tag is the first tag');
    assert.equal(bySlug.primary_author && bySlug.primary_author.slug, author.slug);

    const byId = await content.posts.read({id: wanted.id});
    assert.equal(byId.slug, wanted.slug);
    assert.equal(byId.title, wanted.title);

    const missing = await assertGhostError(content.posts.read({slug: `no-such-post-${run}`}), 'NotFoundError',
        'reading an unknown slug');
    assert.equal(missing.response && missing.response.status, 404, 'the Content client keeps the 404 response');
    step(`read: by slug ${wanted.slug} and by id ${wanted.id}; an unknown slug is a NotFoundError (404)`);
});

test('Content API: browse authors, tags and pages; read an author and a tag', async () => {
    const authors = await content.authors.browse({filter: `slug:${author.slug}`, include: 'count.posts'});
    assert.ok(Array.isArray(authors));
    assertPagination(authors.meta, {total: 1});
    assert.equal(authors[0].slug, author.slug);
    assert.equal(authors[0].name, author.name);
    assert.equal(authors[0].email, undefined, 'the Content API never shows an email');
    assert.ok(authors[0].count && authors[0].count.posts >= 3, 'count.posts counts the fixture posts');
    const someAuthors = await content.authors.browse({limit: 5});
    assertPagination(someAuthors.meta, {page: 1, limit: 5});
    const oneAuthor = await content.authors.read({slug: author.slug});
    assert.equal(oneAuthor.id, authors[0].id);

    const tags = await content.tags.browse({filter: `slug:${fixtureTagSlug}`, include: 'count.posts'});
    assert.equal(tags.length, 1);
    assert.equal(tags[0].name, fixtureTagName);
    assert.equal(tags[0].count && tags[0].count.posts, 3, 'count.posts on the fixture tag');
    const someTags = await content.tags.browse({limit: 5});
    assertPagination(someTags.meta, {page: 1, limit: 5});
    const oneTag = await content.tags.read({slug: fixtureTagSlug});
    assert.equal(oneTag.id, tags[0].id);

    const pages = await content.pages.browse({limit: 5});
    assert.ok(Array.isArray(pages), 'pages browse returns a list, even an empty one');
    assertPagination(pages.meta, {page: 1, limit: 5});
    assert.ok(pages.every((p) => !fixturePosts.some((f) => f.id === p.id)), 'posts are not pages');
    step(`browse: author ${author.slug} (${authors[0].count.posts} posts), tag ${fixtureTagSlug} (3 posts), ` +
        `${pages.meta.pagination.total} pages`);
});

test('Content API: read settings', async () => {
    const settings = await content.settings.browse();
    assert.ok(settings && !Array.isArray(settings), 'settings is one object');
    assert.equal(typeof settings.title, 'string');
    assert.ok(settings.title.length > 0, 'settings has a title');
    assert.match(settings.url, /^https?:\/\//, 'settings has the site url');
    assert.ok('description' in settings, 'settings has a description');
    step(`settings: '${settings.title}' at ${settings.url}`);
});

// --- Admin API

test('Admin API: add a draft post from HTML with tags and an author by email', async () => {
    post = await admin.posts.add({
        title: `JS client post ${run}`,
        html: `<p>Written by Ghost's Admin client, run ${run}.</p><h2>A heading</h2><p>Second paragraph.</p>`,
        tags: [fixtureTagName, `JS Extra ${run}`],
        authors: [authorEmail]
    }, {source: 'html'});
    assert.equal(typeof post.id, 'string');
    assert.equal(post.status, 'draft', 'a post without a status is a draft');
    assert.equal(post.title, `JS client post ${run}`);
    assert.deepEqual(post.tags.map((t) => t.name), [fixtureTagName, `JS Extra ${run}`], 'tags by name, in order');
    post.tags.forEach((t) => tagsToRemove.add(t.id));
    assert.equal(post.authors.length, 1);
    assert.equal(post.authors[0].email, authorEmail, 'the author is found by email');
    assert.equal(typeof post.updated_at, 'string');
    firstUpdatedAt = post.updated_at;
    step(`add: draft '${post.title}' (${post.id}, slug ${post.slug})`);
});

test('Admin API: read the post back', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    const read = await admin.posts.read({id: post.id}, {formats: 'html,lexical'});
    assert.equal(read.id, post.id);
    assert.equal(read.title, post.title);
    assert.equal(read.status, 'draft');
    assert.match(read.html, new RegExp(`Written by Ghost's Admin client, run ${run}`));
    assert.match(read.html, /<h2[^>]*>A heading<\/h2>/);
    assert.equal(typeof read.lexical, 'string');
    const bySlug = await admin.posts.read({slug: post.slug});
    assert.equal(bySlug.id, post.id, 'the Admin client reads by slug too');
    const drafts = await admin.posts.browse({filter: `status:draft+tag:${fixtureTagSlug}`});
    assert.deepEqual(drafts.map((p) => p.id), [post.id], 'the Admin API browses drafts by filter');
    step('read: the draft reads back by id and slug, with its html');
});

test('Admin API: edit the title with updated_at', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    const edited = await admin.posts.edit({id: post.id, title: `JS client post, edited ${run}`, updated_at: post.updated_at});
    assert.equal(edited.id, post.id);
    assert.equal(edited.title, `JS client post, edited ${run}`);
    assert.notEqual(edited.updated_at, firstUpdatedAt, 'an edit moves updated_at');
    assert.deepEqual(edited.tags.map((t) => t.name), [fixtureTagName, `JS Extra ${run}`], 'an edit without tags keeps them');
    post = edited;
    step(`edit: title is now '${edited.title}' (updated_at ${firstUpdatedAt} -> ${edited.updated_at})`);
});

test('Admin API: an edit with a stale updated_at is an UpdateCollisionError (409)', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    const stale = {id: post.id, title: `JS client post, stale ${run}`, updated_at: firstUpdatedAt};
    const error = await assertGhostError(admin.posts.edit({...stale}), 'UpdateCollisionError', 'a stale edit');
    assert.equal(error.type, 'UpdateCollisionError', 'the client copies the error properties');
    assert.equal(error.code, 'UPDATE_COLLISION');

    // The Admin client deliberately drops the HTTP response from its errors (see its makeApiRequest), so the status
    // is checked with the same request made by hand, signed with the client's own token maker.
    const response = await fetch(`${url}/ghost/api/admin/posts/${post.id}/`, {
        method: 'PUT',
        headers: {
            'Authorization': `Ghost ${adminToken(adminKey, '/admin/')}`,
            'Accept-Version': 'v6.0',
            'Content-Type': 'application/json'
        },
        body: JSON.stringify({posts: [{title: stale.title, updated_at: stale.updated_at}]})
    });
    assert.equal(response.status, 409, 'a collision answers 409 Conflict');
    const body = await response.json();
    assert.equal(body.errors[0].type, 'UpdateCollisionError');

    const unchanged = await admin.posts.read({id: post.id});
    assert.equal(unchanged.title, `JS client post, edited ${run}`, 'the stale edit changed nothing');
    assert.equal(unchanged.updated_at, post.updated_at);
    step(`collision: stale updated_at -> ${error.name} (${error.code}, HTTP ${response.status}): ${error.message}`);
});

test('Admin API: publish the post and read it through the Content API', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    const published = await admin.posts.edit({id: post.id, status: 'published', updated_at: post.updated_at});
    assert.equal(published.status, 'published');
    assert.equal(typeof published.published_at, 'string', 'publishing sets published_at');
    assert.match(published.url, /^https?:\/\//);
    post = published;

    const seen = await content.posts.read({slug: post.slug}, {include: 'tags,authors'});
    assert.equal(seen.id, post.id);
    assert.equal(seen.title, `JS client post, edited ${run}`);
    // Ghost's Content API writes dates with +00:00 and its Admin API with Z: compare the instants.
    assert.equal(Date.parse(seen.published_at), Date.parse(published.published_at), 'the same published_at');
    assert.deepEqual(seen.tags.map((t) => t.slug), published.tags.map((t) => t.slug));
    assert.equal(seen.authors[0].slug, author.slug);
    const tagged = await content.posts.browse({filter: `tag:${fixtureTagSlug}`, limit: 10});
    assert.equal(tagged.meta.pagination.total, 4, 'the published post joins the fixtures under their tag');
    step(`publish: status ${published.status} at ${published.published_at}; the Content API reads it by slug`);
});

test('Admin API: upload an image and make it the feature image', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    const image = await admin.images.upload({file: imagePath});
    assert.ok(image && typeof image.url === 'string', 'the upload answers with a url');
    assert.match(image.url, /^https?:\/\/.+\.(jpe?g)$/i, 'an absolute url to a jpeg');
    imageUrl = image.url;

    const served = await fetch(url + new URL(imageUrl).pathname);
    assert.equal(served.status, 200, `the uploaded image is served at ${new URL(imageUrl).pathname}`);
    assert.match(served.headers.get('content-type') || '', /^image\/jpeg/);

    const pictured = await admin.posts.edit({
        id: post.id,
        feature_image: imageUrl,
        feature_image_alt: `A gradient, run ${run}`,
        feature_image_credit: 'Photo: Ghost JS client test',
        updated_at: post.updated_at
    });
    assert.equal(pictured.feature_image, imageUrl);
    assert.equal(pictured.feature_image_alt, `A gradient, run ${run}`);
    assert.equal(pictured.feature_image_credit, 'Photo: Ghost JS client test');
    post = pictured;

    const seen = await content.posts.read({id: post.id});
    assert.equal(seen.feature_image, imageUrl);
    assert.equal(seen.feature_image_alt, `A gradient, run ${run}`);
    step(`image: uploaded ${imageUrl} and set it as the feature image with alt text and credit`);
});

test('Admin API: add and delete a tag', async () => {
    throwawayTag = await admin.tags.add({name: `JS Throwaway ${run}`, description: 'Made and deleted by the client test.'});
    assert.equal(throwawayTag.name, `JS Throwaway ${run}`);
    assert.equal(throwawayTag.description, 'Made and deleted by the client test.');
    assert.equal(typeof throwawayTag.slug, 'string');
    const read = await admin.tags.read({id: throwawayTag.id});
    assert.equal(read.slug, throwawayTag.slug);

    await admin.tags.delete({id: throwawayTag.id});
    await assertGhostError(admin.tags.read({id: throwawayTag.id}), 'NotFoundError', 'reading a deleted tag');
    step(`tag: added '${throwawayTag.slug}', deleted it, reading it is a NotFoundError`);
    throwawayTag = undefined;
});

test('Admin API: delete the post', async () => {
    assert.ok(post, 'needs the post added by the earlier step');
    await admin.posts.delete({id: post.id});
    await assertGhostError(admin.posts.read({id: post.id}), 'NotFoundError', 'reading a deleted post (Admin)');
    const gone = await assertGhostError(content.posts.read({slug: post.slug}), 'NotFoundError',
        'reading a deleted post (Content)');
    assert.equal(gone.response.status, 404);
    step(`delete: post ${post.id} is gone from both APIs`);
    post = undefined;
});
