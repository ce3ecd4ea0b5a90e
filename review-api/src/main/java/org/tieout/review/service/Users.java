package org.tieout.review.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local users, with hashed passwords (bcrypt by default), roles and the accounts they may see.
 * Creating or changing a user is a configuration change and goes to the audit trail.
 */
@Component
public class Users implements UserDetailsService {
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;

  public Users(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
  }

  /** A user as stored, without the password hash. */
  public record Account(String username, Set<Role> roles, Set<String> accounts, boolean enabled) {}

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled from app_user where username = ?")
        .param(username)
        .query(
            (rs, i) ->
                User.withUsername(rs.getString(1))
                    .password(rs.getString(2))
                    .authorities(
                        parseRoles(rs.getString(3)).stream()
                            .map(Role::authority)
                            .toArray(String[]::new))
                    .disabled(!rs.getBoolean(4))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
  }

  /** The accounts a user may see; empty means all. Users not stored here (OIDC) see all. */
  public Set<String> accountsOf(String username) {
    return jdbc.sql("select accounts from app_user where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .map(Users::parseAccounts)
        .orElse(Set.of());
  }

  public boolean any() {
    return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
  }

  public List<Account> list() {
    return jdbc.sql("select username, roles, accounts, enabled from app_user order by username")
        .query(
            (rs, i) ->
                new Account(
                    rs.getString(1),
                    parseRoles(rs.getString(2)),
                    parseAccounts(rs.getString(3)),
                    rs.getBoolean(4)))
        .list();
  }

  /** Creates or replaces a user; {@code by} is who did it (the audit trail's actor). */
  @Transactional
  public void save(
      String by, String username, String password, Set<Role> roles, Set<String> accounts) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw ReviewException.invalid("a user name is 1 to 64 letters, digits or . _ @ -");
    }
    if (password == null || password.length() < 8) {
      throw ReviewException.invalid("a password has at least 8 characters");
    }
    if (roles.isEmpty()) {
      throw ReviewException.invalid("a user needs at least one role");
    }
    String roleText =
        roles.stream().map(r -> r.name().toLowerCase()).sorted().collect(Collectors.joining(","));
    String accountText =
        accounts.isEmpty() ? null : String.join(",", accounts.stream().sorted().toList());
    List<Account> before = list().stream().filter(a -> a.username().equals(username)).toList();
    jdbc.sql(
            """
            insert into app_user (username, password_hash, roles, accounts, enabled, created_at)
            values (?, ?, ?, ?, true, ?)
            on conflict (username) do update set password_hash = excluded.password_hash,
              roles = excluded.roles, accounts = excluded.accounts, enabled = true""")
        .params(
            username,
            encoder.encode(password),
            roleText,
            accountText,
            java.sql.Timestamp.from(Instant.now()))
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("roles", roleText);
    after.put("accounts", accountText == null ? "all" : accountText);
    Map<String, Object> was = null;
    if (!before.isEmpty()) {
      was = new LinkedHashMap<>();
      was.put(
          "roles",
          before.get(0).roles().stream().map(r -> r.name().toLowerCase()).sorted().toList());
      was.put("accounts", before.get(0).accounts().isEmpty() ? "all" : before.get(0).accounts());
    }
    audit.append(
        new AuditTrail.Event(
            by,
            before.isEmpty() ? "user.create" : "user.update",
            "user:" + username,
            was,
            after,
            null,
            null,
            null));
  }

  public static Set<Role> parseRoles(String text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : text.split(",")) {
      if (!r.isBlank()) {
        roles.add(Role.parse(r));
      }
    }
    return roles;
  }

  static Set<String> parseAccounts(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
