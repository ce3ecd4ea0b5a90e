package org.tieout.review.service;

import java.util.Locale;

/**
 * What a person may do. Each role includes the ones before it: a preparer can also view, an
 * approver can also prepare, an admin can do everything.
 */
public enum Role {
  /** Reads runs, the queue, flags and the audit trail. */
  VIEWER,
  /** Makes manual matches, rejects proposals, confirms or dismisses anomaly flags. */
  PREPARER,
  /** Approves groups (never their own manual match), bulk-approves, unmatches. */
  APPROVER,
  /** Manages users and settings, verifies the audit trail. */
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }

  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + s + "': expected viewer, preparer, approver or admin");
    }
  }
}
