package org.tieout.review.service;

import java.util.Set;

/**
 * The person behind a request: their name, their roles (with what each role includes) and the
 * accounts they may see (empty: every account). Every read and every decision goes through an
 * actor, so object-level access is checked in one place.
 */
public record Actor(String name, Set<Role> roles, Set<String> accounts) {
  public Actor {
    roles = Set.copyOf(roles);
    accounts = Set.copyOf(accounts);
  }

  /** True if one of the actor's roles is {@code role} or includes it. */
  public boolean can(Role role) {
    return roles.stream().anyMatch(r -> r.ordinal() >= role.ordinal());
  }

  public boolean sees(String account) {
    return accounts.isEmpty() || (account != null && accounts.contains(account));
  }

  public void require(Role role, String action) {
    if (!can(role)) {
      throw ReviewException.forbidden(
          name + " may not " + action + ": it needs the " + role.name().toLowerCase() + " role");
    }
  }
}
