package nl.meedenken.organisation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes accounts, their one-time codes and failed attempts per address. */
@Repository
public class AccountStore {

    private static final String SELECT = "select a.id, a.person_id, a.login_name, a.password_hash, a.failed_attempts,"
            + " a.locked_until, a.created_at, a.last_sign_in_at, a.session_version from account a";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long personId, String loginName, String passwordHash, Instant now) {
        return jdbc.sql("""
                        insert into account (person_id, login_name, password_hash, created_at)
                        values (:person, :login, :hash, :now) returning id
                        """)
                .param("person", personId).param("login", loginName).param("hash", passwordHash)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AccountStore::map).optional();
    }

    public Optional<Account> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where a.person_id = :id").param("id", personId).query(AccountStore::map).optional();
    }

    public boolean loginNameTaken(String loginName) {
        return jdbc.sql("select count(*) from account where lower(login_name) = lower(:n)").param("n", loginName)
                .query(Long.class).single() > 0;
    }

    /**
     * The account someone means with what they typed: their login name, employee number or
     * e-mail address. Only accounts of active people count.
     */
    public Optional<Account> bySignInName(String typed) {
        return jdbc.sql(SELECT + """
                         join person p on p.id = a.person_id
                        where p.active and (lower(a.login_name) = lower(:t) or lower(p.employee_number) = lower(:t)
                              or lower(p.email) = lower(:t))
                        order by case when lower(a.login_name) = lower(:t) then 0 else 1 end
                        limit 1
                        """)
                .param("t", typed == null ? "" : typed.strip())
                .query(AccountStore::map).optional();
    }

    public void setPassword(long id, String hash) {
        jdbc.sql("""
                        update account set password_hash = :hash, failed_attempts = 0, locked_until = null,
                               session_version = session_version + 1 where id = :id
                        """)
                .param("hash", hash).param("id", id).update();
        unlock(id); // a new password ends the waits that guesses of the old one caused
    }

    // --- back-off per account and address ---

    /**
     * Counts one more failure for this account from this address and returns the count; in one
     * statement, so parallel attempts all count. A day without failures starts again from one.
     */
    public int addFailure(long accountId, String address, Instant now) {
        return jdbc.sql("""
                        insert into sign_in_backoff (account_id, address, failures, last_failure_at)
                        values (:id, :a, 1, :now)
                        on conflict (account_id, address) do update set
                            failures = case when sign_in_backoff.last_failure_at < :dayAgo then 1
                                            else sign_in_backoff.failures + 1 end,
                            last_failure_at = :now
                        returning failures
                        """)
                .param("id", accountId).param("a", address).param("now", Timestamp.from(now))
                .param("dayAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .query(Integer.class).single();
    }

    public void waitUntil(long accountId, String address, Instant until) {
        jdbc.sql("update sign_in_backoff set wait_until = :until where account_id = :id and address = :a")
                .param("until", Timestamp.from(until)).param("id", accountId).param("a", address).update();
    }

    /** Until when this account waits from this address, if it does now. */
    public Optional<Instant> waitingUntil(long accountId, String address, Instant now) {
        return jdbc.sql("""
                        select wait_until from sign_in_backoff
                        where account_id = :id and address = :a and wait_until > :now""")
                .param("id", accountId).param("a", address).param("now", Timestamp.from(now))
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** The longest wait of this account from any address, if it waits anywhere now. */
    public Optional<Instant> longestWait(long accountId, Instant now) {
        return jdbc.sql("select max(wait_until) from sign_in_backoff where account_id = :id and wait_until > :now")
                .param("id", accountId).param("now", Timestamp.from(now))
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    public void forgetFailures(long accountId, String address) {
        jdbc.sql("delete from sign_in_backoff where account_id = :id and address = :a")
                .param("id", accountId).param("a", address).update();
    }

    /** The session version of an account and whether its person is still active, for checking sessions. */
    public Optional<int[]> sessionState(long accountId) {
        return jdbc.sql("""
                        select a.session_version, case when p.active then 1 else 0 end
                        from account a join person p on p.id = a.person_id where a.id = :id
                        """)
                .param("id", accountId).query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).optional();
    }

    /** Ends every session of this person's account at its next request. */
    public void endSessions(long personId) {
        jdbc.sql("update account set session_version = session_version + 1 where person_id = :id")
                .param("id", personId).update();
    }

    /** Active administrators who can sign in, other than this person. */
    public long activatedAdminsExcept(long personId) {
        return jdbc.sql("""
                        select count(*) from account a join person p on p.id = a.person_id
                        join person_role r on r.person_id = p.id
                        where p.active and r.role = 'ADMIN' and a.password_hash is not null and p.id <> :id
                        """).param("id", personId).query(Long.class).single();
    }

    /** Lower-case login names of every account except this person's. */
    public java.util.Set<String> loginNamesExcept(long personId) {
        return new java.util.HashSet<>(jdbc.sql("select lower(login_name) from account where person_id <> :id")
                .param("id", personId).query(String.class).list());
    }

    /** Whether a login name equals the employee number or e-mail of another person. */
    public boolean clashesWithPersonData(String loginName, long personId) {
        return jdbc.sql("""
                        select count(*) from person where id <> :id
                          and (lower(employee_number) = lower(:n) or lower(email) = lower(:n))
                        """).param("id", personId).param("n", loginName).query(Long.class).single() > 0;
    }

    /**
     * Serialises changes that must keep at least one administrator, across all nodes,
     * until the end of the transaction.
     */
    public void lockAdministrators() {
        jdbc.sql("select pg_advisory_xact_lock(7301001)").query((rs, i) -> 1).list();
    }

    public Optional<String> setting(String name) {
        return jdbc.sql("select value from organisation_setting where name = :n").param("n", name)
                .query(String.class).optional();
    }

    public void setting(String name, String value) {
        jdbc.sql("""
                        insert into organisation_setting (name, value) values (:n, :v)
                        on conflict (name) do update set value = excluded.value
                        """).param("n", name).param("v", value).update();
    }

    /** Ends every wait of this account, from every address (an administrator's decision). */
    public void unlock(long id) {
        jdbc.sql("delete from sign_in_backoff where account_id = :id").param("id", id).update();
    }

    public void signedIn(long id, Instant now) {
        jdbc.sql("update account set last_sign_in_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }


    // --- one-time codes ---

    public void insertCode(long accountId, String purpose, String codeHash, Instant expiresAt, Instant now,
                           String issuedBy, boolean byLead) {
        jdbc.sql("update account_code set used_at = :now where account_id = :id and used_at is null")
                .param("now", Timestamp.from(now)).param("id", accountId).update();
        jdbc.sql("""
                        insert into account_code (account_id, purpose, code_hash, expires_at, created_at, issued_by,
                                                  issued_by_lead)
                        values (:id, :purpose, :hash, :expires, :now, :by, :lead)
                        """)
                .param("id", accountId).param("purpose", purpose).param("hash", codeHash)
                .param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(now))
                .param("by", issuedBy == null || issuedBy.length() <= 200 ? issuedBy : issuedBy.substring(0, 200))
                .param("lead", byLead).update();
    }

    /** Who made the newest code of an account, and when; empty when it never had one or nobody was named. */
    public Optional<Accounts.LastCode> lastCode(long accountId) {
        return jdbc.sql("""
                        select issued_by, issued_by_lead, created_at from account_code where account_id = :id
                        order by created_at desc, id desc limit 1
                        """)
                .param("id", accountId)
                .query((rs, i) -> new Accounts.LastCode(rs.getString("issued_by"), rs.getBoolean("issued_by_lead"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /**
     * A code that is neither used nor expired, claimed at once so it works only one time. A code a
     * team lead made does not work once its account holds more rights than a team member.
     */
    public Optional<Long> claimCode(String codeHash, Instant now) {
        return jdbc.sql("""
                        update account_code c set used_at = :now
                        where c.code_hash = :hash and c.used_at is null and c.expires_at > :now
                          and not (c.issued_by_lead and exists (
                              select 1 from account a join person_role r on r.person_id = a.person_id
                              where a.id = c.account_id and r.role in (%s)))
                        returning c.account_id
                        """.formatted(TeamAccess.PROTECTED_SQL))
                .param("hash", codeHash).param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    /** The preferred language of the person an unused, unexpired code belongs to, without using the code. */
    public Optional<String> languageOfOpenCode(String codeHash, Instant now) {
        return jdbc.sql("""
                        select p.language from account_code c join account a on a.id = c.account_id
                        join person p on p.id = a.person_id
                        where c.code_hash = :hash and c.used_at is null and c.expires_at > :now
                        """)
                .param("hash", codeHash).param("now", Timestamp.from(now)).query(String.class).optional();
    }

    public Optional<Instant> openCodeExpiry(long accountId, Instant now) {
        return jdbc.sql("""
                        select max(expires_at) from account_code
                        where account_id = :id and used_at is null and expires_at > :now
                        """)
                .param("id", accountId).param("now", Timestamp.from(now))
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    // --- per-address failures ---

    public void addAddressFailure(String address, Instant now) {
        jdbc.sql("insert into sign_in_failure (address, occurred_at) values (:a, :now)")
                .param("a", address).param("now", Timestamp.from(now)).update();
    }

    public long addressFailuresSince(String address, Instant since) {
        return jdbc.sql("select count(*) from sign_in_failure where address = :a and occurred_at > :since")
                .param("a", address).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    public void forgetAddressFailuresBefore(Instant before) {
        jdbc.sql("delete from sign_in_failure where occurred_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("person_id"), rs.getString("login_name"),
                rs.getString("password_hash"), rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_sign_in_at")),
                rs.getInt("session_version"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
