package org.masthead.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.content.Authors;
import org.masthead.content.Sections;
import org.masthead.identity.StaffAccounts;
import org.masthead.media.UploadTestsSupport;
import org.masthead.support.EmptySiteTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.ReaderClient;
import org.masthead.support.Staff;
import org.masthead.system.SiteSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With a logo set, the footer signs every page with it instead of the name in type. */
@EmptySiteTest
class FooterLogoTests {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired StaffAccounts accounts;
    @Autowired SiteSettings settings;
    @LocalServerPort int port;

    @Test
    void theFooterShowsThePublicationsLogoOnceOneIsSet() {
        Staff staff = Staff.create(sections, authors, accounts);
        ReaderClient reader = new ReaderClient(port);
        assertThat(reader.page("/?no-logo").selectFirst("footer .site-footer__name").text()).isEqualTo("The Masthead Daily");

        NewsroomClient admin = NewsroomClient.signedIn(port, staff.administrator().email(), Staff.PASSWORD);
        try {
            assertThat(admin.postMultipart("/admin/settings", List.of(Map.entry("name", "")), "logo", "logo.jpg",
                    "image/jpeg", UploadTestsSupport.jpeg(400, 120)).statusCode()).isEqualTo(302);
            Element logo = reader.page("/?logo").selectFirst("footer a[href=/] img.site-footer__logo");
            assertThat(logo).isNotNull();
            assertThat(logo.attr("alt")).isEqualTo("The Masthead Daily");
            assertThat(logo.attr("src")).isEqualTo(settings.current().logoUrl());
            assertThat(reader.getBytes(logo.attr("src")).statusCode()).isEqualTo(200);
        } finally {
            // other tests on this site expect no logo (it is also the fallback social image)
            SiteSettings.Editable now = settings.editable();
            settings.save(new SiteSettings.Editable(now.name(), now.tagline(), now.language(), null, now.publicationName(),
                    now.timeZone()));
        }
        assertThat(reader.page("/?logo-removed").select("footer img")).isEmpty();
    }
}
