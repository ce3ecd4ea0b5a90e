package org.tieout.review.web;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.tieout.review.service.Actor;
import org.tieout.review.service.Role;
import org.tieout.review.service.Users;

/** Turns the authenticated principal into the {@link Actor} every service call takes. */
@Component
public class Actors {
  private final Users users;

  public Actors(Users users) {
    this.users = users;
  }

  public Actor of(Authentication auth) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          roles.add(Role.valueOf(name.substring(5)));
        } catch (IllegalArgumentException ignored) {
          // an authority that is not one of ours
        }
      }
    }
    return new Actor(auth.getName(), roles, users.accountsOf(auth.getName()));
  }
}
