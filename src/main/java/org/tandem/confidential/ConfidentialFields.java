package org.tandem.confidential;

/**
 * Which form fields hold confidential content, by the name of their key. Only top-level keys count: a confidential
 * field is never put inside a group or a dynamic list.
 */
public final class ConfidentialFields {

  /** Shared by the coach and the client of the relationship (SES-2). */
  public static final String SHARED_PREFIX = "confidential";
  /** Seen by its author only: a coach's reflection (SES-3), a respondent's evaluation answers (EVA-4). */
  public static final String PRIVATE_PREFIX = "private";
  /**
   * Kept out of the engine and recorded only without names, for programme learning (EVA-4): evaluation ratings and
   * counts. The step that records them removes them in the task's own transaction.
   */
  public static final String ANONYMOUS_PREFIX = "anonymous";

  /** Who may read a confidential note besides the people who run the product's store. */
  public enum Visibility {
    /** The coach and the client of the relationship. */
    PAIR,
    /** Only the person who wrote it. */
    AUTHOR
  }

  private ConfidentialFields() {
  }

  /** A field the confidential store keeps: shared with the pair, or private to its author. */
  public static boolean isConfidential(String variableName) {
    return variableName != null
        && (startsWithWord(variableName, SHARED_PREFIX) || startsWithWord(variableName, PRIVATE_PREFIX));
  }

  /** An answer recorded only in aggregate, without names. */
  public static boolean isAnonymous(String variableName) {
    return variableName != null && startsWithWord(variableName, ANONYMOUS_PREFIX);
  }

  /** A field whose value the engine's history must never hold. */
  public static boolean isKeptFromHistory(String variableName) {
    return isConfidential(variableName) || isAnonymous(variableName);
  }

  public static Visibility visibility(String variableName) {
    if (startsWithWord(variableName, PRIVATE_PREFIX)) {
      return Visibility.AUTHOR;
    }
    if (startsWithWord(variableName, SHARED_PREFIX)) {
      return Visibility.PAIR;
    }
    throw new IllegalArgumentException(variableName + " is not a confidential field");
  }

  /** "confidentialKeyPoints" yes, "confidentiality" no: the prefix must be followed by an upper-case letter. */
  private static boolean startsWithWord(String name, String prefix) {
    return name.length() > prefix.length() && name.startsWith(prefix)
        && Character.isUpperCase(name.charAt(prefix.length()));
  }
}
