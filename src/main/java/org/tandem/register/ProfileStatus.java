package org.tandem.register;

/** Where a profile stands on the register. */
public enum ProfileStatus {
  /** Applied; not yet approved, interviewed or declared. */
  APPLIED,
  /** On the register: may be matched (unless a coach has lapsed for CPD). */
  LISTED,
  /** The application was refused, with the reason. */
  REFUSED,
  /** Suspended after a complaint (CMP-1): not matched until the suspension is lifted. */
  SUSPENDED,
  /** Removed from the register after a complaint (CMP-1). */
  REMOVED
}
