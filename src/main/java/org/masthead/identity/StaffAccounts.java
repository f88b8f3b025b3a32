package org.masthead.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: who may sign in to the newsroom, with which role. Passwords are stored as bcrypt hashes. */
@Repository
public class StaffAccounts {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final long FIRST_ADMIN_LOCK = 0x53544146L;

    private static final RowMapper<StaffMember> MEMBER = (rs, row) -> new StaffMember(rs.getLong("id"),
            rs.getString("email"), rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
            rs.getObject("author_id") == null ? null : rs.getLong("author_id"), rs.getBoolean("enabled"),
            rs.getString("password_hash"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public StaffMember create(String email, String displayName, String password, StaffRole role, Long authorId) {
        String normalized = normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw new StaffAccountException("email", "Enter an email address such as name@example.org.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new StaffAccountException("displayName", "Enter the name colleagues know you by.");
        }
        requireStrong(password);
        try {
            long id = jdbc.sql("""
                    insert into staff_user (email, display_name, password_hash, role, author_id, created_at)
                    values (?, ?, ?, ?, ?, ?) returning id
                    """).params(normalized, displayName.strip(), passwords.encode(password), role.name(), authorId,
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).query(Long.class).single();
            return findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new StaffAccountException("email", "An account with this email address already exists.");
        }
    }

    /**
     * Creates the first Administrator, unless an account exists already (the setup page and the headless
     * bootstrap may race on several nodes: the lock makes exactly one win).
     */
    @Transactional
    public Optional<StaffMember> createFirstAdministrator(String email, String displayName, String password) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FIRST_ADMIN_LOCK).query((rs, row) -> 1).list();
        if (count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create(email, displayName, password, StaffRole.ADMINISTRATOR, null));
    }

    public long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    public Optional<StaffMember> findByEmail(String email) {
        return jdbc.sql("select * from staff_user where email = ?").param(normalize(email)).query(MEMBER).optional();
    }

    public Optional<StaffMember> findById(long id) {
        return jdbc.sql("select * from staff_user where id = ?").param(id).query(MEMBER).optional()
                .map(StaffMember::withoutPassword);
    }

    public List<StaffMember> all() {
        return jdbc.sql("select * from staff_user order by role desc, display_name").query(MEMBER).list().stream()
                .map(StaffMember::withoutPassword).toList();
    }

    /**
     * Changes role, byline and access, and a password when one is given, in one transaction. The account's open
     * sessions end: a demoted or disabled member must not keep old powers until the session expires.
     */
    @Transactional
    public void update(long id, StaffRole role, Long authorId, boolean enabled, String newPassword) {
        if (newPassword != null && !newPassword.isBlank()) {
            requireStrong(newPassword);
        }
        jdbc.sql("update staff_user set role = ?, author_id = ?, enabled = ? where id = ?")
                .params(role.name(), authorId, enabled, id).update();
        if (newPassword != null && !newPassword.isBlank()) {
            jdbc.sql("update staff_user set password_hash = ? where id = ?").params(passwords.encode(newPassword), id).update();
        }
        endSessions(id);
    }

    public void update(long id, StaffRole role, Long authorId, boolean enabled) {
        update(id, role, authorId, enabled, null);
    }

    private void endSessions(long id) {
        jdbc.sql("delete from spring_session where principal_name = (select email from staff_user where id = ?)")
                .param(id).update();
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new StaffAccountException("password", "Use a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
