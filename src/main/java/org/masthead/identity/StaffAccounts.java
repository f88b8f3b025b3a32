package org.masthead.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.text.FieldLimits;
import org.masthead.text.PlainText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: who may sign in to the newsroom, with which role. Passwords are stored as bcrypt hashes. */
@Repository
public class StaffAccounts {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_CHARACTERS;
    private static final long FIRST_ADMIN_LOCK = 0x53544146L;

    /** Never reads the password hash: members leave this class without it. */
    private static final String COLUMNS = "id, email, display_name, role, author_id, enabled";
    private static final RowMapper<StaffMember> MEMBER = (rs, row) -> new StaffMember(rs.getLong("id"),
            rs.getString("email"), rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
            rs.getObject("author_id") == null ? null : rs.getLong("author_id"), rs.getBoolean("enabled"), null);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public StaffMember create(String email, String displayName, String password, StaffRole role, Long authorId) {
        String normalized = StaffEmails.normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > FieldLimits.EMAIL) {
            throw new StaffAccountException("email", "Enter an email address such as name@example.org.");
        }
        String name = PlainText.line(displayName);
        if (name.isEmpty()) {
            throw new StaffAccountException("displayName", "Enter the name colleagues know you by.");
        }
        if (name.length() > FieldLimits.NAME) {
            throw new StaffAccountException("displayName", "A name may be at most " + FieldLimits.NAME + " characters.");
        }
        PasswordPolicy.require(password);
        try {
            long id = jdbc.sql("""
                    insert into staff_user (email, display_name, password_hash, role, author_id, created_at)
                    values (?, ?, ?, ?, ?, ?) returning id
                    """).params(normalized, name, passwords.encode(password), role.name(), authorId,
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
        return jdbc.sql("select " + COLUMNS + " from staff_user where email = ?").param(StaffEmails.normalize(email))
                .query(MEMBER).optional();
    }

    public Optional<StaffMember> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where id = ?").param(id).query(MEMBER).optional();
    }

    public List<StaffMember> all() {
        return jdbc.sql("select " + COLUMNS + " from staff_user order by role desc, display_name").query(MEMBER).list();
    }

    /**
     * Accounts stored before emails had one normalised form are rewritten into it, unless that would collide with
     * another account (then the older spelling stays and keeps working through its exact form).
     */
    @Transactional
    public int normalizeStoredEmails() {
        int changed = 0;
        for (var row : jdbc.sql("select id, email from staff_user").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()) {
            String normalized = StaffEmails.normalize(row.getValue());
            if (!normalized.equals(row.getValue())) {
                changed += jdbc.sql("""
                        update staff_user set email = :email where id = :id
                        and not exists (select 1 from staff_user where email = :email)
                        """).param("email", normalized).param("id", row.getKey()).update();
            }
        }
        return changed;
    }

    /**
     * Changes role, byline and access, and a password when one is given, in one transaction. The account's open
     * sessions end: a demoted or disabled member must not keep old powers until the session expires.
     */
    @Transactional
    public void update(long id, StaffRole role, Long authorId, boolean enabled, String newPassword) {
        if (newPassword != null && !newPassword.isEmpty()) {
            PasswordPolicy.require(newPassword);
        }
        jdbc.sql("update staff_user set role = ?, author_id = ?, enabled = ? where id = ?")
                .params(role.name(), authorId, enabled, id).update();
        if (newPassword != null && !newPassword.isEmpty()) {
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

}
