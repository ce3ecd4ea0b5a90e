package org.tieout.review.web;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.tieout.review.service.Role;
import org.tieout.review.service.Users;

/**
 * The first login. The embedded demo gets one user per role with a known password. A real database
 * with no users gets one admin with a random password, printed once: log in and create the real
 * users (POST /api/users), then change it.
 */
@Component
public class UserBootstrap implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
  private final Users users;
  private final String demoPassword;

  public UserBootstrap(Users users, @Value("${tieout.demo.users-password:}") String demoPassword) {
    this.users = users;
    this.demoPassword = demoPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demoPassword.isBlank()) {
      if (users.any()) {
        return;
      }
      save("viewer", EnumSet.of(Role.VIEWER));
      save("preparer", EnumSet.of(Role.PREPARER));
      save("approver", EnumSet.of(Role.APPROVER));
      save("approver2", EnumSet.of(Role.APPROVER));
      save("admin", EnumSet.of(Role.ADMIN));
      return;
    }
    if (!users.any()) {
      byte[] b = new byte[12];
      new SecureRandom().nextBytes(b);
      String password = HexFormat.of().formatHex(b);
      users.save("system", "admin", password, EnumSet.of(Role.ADMIN), Set.of());
      LOG.warn(
          "No users yet: created 'admin' with password {} (shown once). Create the real users with POST /api/users.",
          password);
      System.out.println("tieout: first login: admin / " + password + " (shown once)");
    }
  }

  private void save(String name, Set<Role> roles) {
    users.save("system", name, demoPassword, roles, Set.of());
  }
}
