package org.tandem.evaluation;

import java.util.Locale;

/**
 * The questionnaires of EVA-1: clients at the start, middle and end (the end one is the Goals and Review form,
 * EVA-2); coaches at the middle and end; the sponsor at the end, with the progress review (EVA-3).
 * Each has the form {@code evaluation-<role>-<stage>}.
 */
public enum Questionnaire {
  CLIENT_START(Role.CLIENT, Stage.START),
  CLIENT_MIDDLE(Role.CLIENT, Stage.MIDDLE),
  CLIENT_END(Role.CLIENT, Stage.END),
  COACH_MIDDLE(Role.COACH, Stage.MIDDLE),
  COACH_END(Role.COACH, Stage.END),
  SPONSOR_END(Role.SPONSOR, Stage.END);

  /** Who answers. */
  public enum Role { CLIENT, COACH, SPONSOR }

  /** When in the relationship. */
  public enum Stage { START, MIDDLE, END }

  private final Role role;
  private final Stage stage;

  Questionnaire(Role role, Stage stage) {
    this.role = role;
    this.stage = stage;
  }

  public Role role() {
    return role;
  }

  public Stage stage() {
    return stage;
  }

  /** The suffix of its form's id, e.g. {@code client-end} for {@code evaluation-client-end}. */
  public String formSuffix() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Questionnaire ofFormSuffix(String suffix) {
    return valueOf(suffix.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
