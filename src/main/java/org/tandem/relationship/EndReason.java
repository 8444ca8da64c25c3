package org.tandem.relationship;

import java.util.Arrays;
import java.util.List;

/** Why a relationship ends early (END-1) or stops after the first meeting (GO-1). */
enum EndReason {
  CONFLICT_OF_INTEREST("A conflict of interest", null),
  SKILLS_DO_NOT_FIT("The coach's or mentor's skills do not fit the client's needs", null),
  DIFFERENT_SUPPORT("A different kind of support would suit the client better", null),
  NOT_MEETING_NEEDS("The relationship is not meeting the client's needs", null),
  MENTOR_LACKS_EXPERTISE("The mentor does not have the experience or expertise sought", Kind.MENTORING),
  UPDATES_NOT_GUIDANCE("Sessions are updates rather than seeking guidance", Kind.MENTORING),
  MENTEE_RELIANT("The mentee is becoming reliant on the mentor", Kind.MENTORING),
  OTHER("Another reason", null);

  private final String label;
  private final Kind onlyFor;

  EndReason(String label, Kind onlyFor) {
    this.label = label;
    this.onlyFor = onlyFor;
  }

  public String label() {
    return label;
  }

  /** The reasons open to a kind of relationship: mentoring adds its own (END-1). */
  public static List<EndReason> forKind(Kind kind) {
    return Arrays.stream(values()).filter(reason -> reason.onlyFor == null || reason.onlyFor == kind).toList();
  }

  public boolean appliesTo(Kind kind) {
    return onlyFor == null || onlyFor == kind;
  }
}
