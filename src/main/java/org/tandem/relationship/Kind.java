package org.tandem.relationship;

import java.util.Arrays;
import java.util.Locale;
import org.tandem.common.InvalidInputException;

/** Coaching or mentoring (RULES.md CON-1); some rules differ between them (END-1, REG-1, REG-2). */
public enum Kind {
  COACHING,
  MENTORING;

  /** Reads the kind as a form or the API submits it, naming the field when it is missing or unknown. */
  public static Kind parse(String field, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(field, "Choose coaching or mentoring.");
    }
    String text = value.toString().trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(kind -> kind.name().equals(text)).findFirst()
        .orElseThrow(() -> new InvalidInputException(field,
            "'" + value + "' is not a kind of relationship: choose coaching or mentoring."));
  }
}
