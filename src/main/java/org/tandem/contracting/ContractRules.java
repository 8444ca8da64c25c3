package org.tandem.contracting;

import org.tandem.common.InvalidInputException;

/** What makes a contract draft complete and consistent. Each refusal names the form field and says what to do. */
final class ContractRules {

  static final int MAX_GOALS = 3;
  static final int MAX_SESSIONS = 24;

  private ContractRules() {
  }

  static void check(ContractDraft draft) {
    checkGoals(draft);
    if (draft.plannedEndDate() == null && draft.anticipatedMonths() == null) {
      throw new InvalidInputException("plannedEndDate", "Give a planned end date or the anticipated months.");
    }
    if (draft.plannedEndDate() != null && !draft.plannedEndDate().isAfter(draft.startDate())) {
      throw new InvalidInputException("plannedEndDate", "The planned end date must be after the start date.");
    }
    if (draft.anticipatedMonths() != null && (draft.anticipatedMonths() < 1 || draft.anticipatedMonths() > 36)) {
      throw new InvalidInputException("anticipatedMonths", "The anticipated months must be between 1 and 36.");
    }
    if (draft.sessionsAgreed() < 1 || draft.sessionsAgreed() > MAX_SESSIONS) {
      throw new InvalidInputException("sessionsAgreed",
          "The number of sessions agreed must be between 1 and " + MAX_SESSIONS + ", not " + draft.sessionsAgreed() + ".");
    }
    if (draft.firstSession() != null && draft.firstSession().toLocalDate().isBefore(draft.startDate())) {
      throw new InvalidInputException("firstSessionDate", "The first session cannot be before the start date.");
    }
    if (draft.format().usesCameras() && !draft.camerasAgreed()) {
      throw new InvalidInputException("camerasAgreed",
          "For virtual or hybrid sessions, agree the use of cameras and the platform.");
    }
    if (!draft.confidentialityAcknowledged()) {
      throw new InvalidInputException("acknowledgesConfidentiality",
          "Acknowledge the confidentiality terms and their exceptions.");
    }
    if (!draft.ethicsAcknowledged()) {
      throw new InvalidInputException("acknowledgesEthics", "Acknowledge the code of ethics.");
    }
    if (!draft.recordKeepingAgreed()) {
      throw new InvalidInputException("recordKeepingAgreed", "Agree how records of the sessions are kept.");
    }
  }

  /** CON-2: one to three goals, each with what success looks like, exactly one of them the most important. */
  static void checkGoals(ContractDraft draft) {
    if (draft.goals().isEmpty()) {
      throw new InvalidInputException("goals", "Add at least one goal.");
    }
    if (draft.goals().size() > MAX_GOALS) {
      throw new InvalidInputException("goals",
          "At most three goals: remove " + (draft.goals().size() - MAX_GOALS) + ".");
    }
    for (int i = 0; i < draft.goals().size(); i++) {
      Goal goal = draft.goals().get(i);
      if (goal.description() == null) {
        throw new InvalidInputException("goals", "Goal " + (i + 1) + " has no description.");
      }
      if (goal.successMeasure() == null) {
        throw new InvalidInputException("goals", "Say what success looks like for goal " + (i + 1) + ".");
      }
    }
    long mostImportant = draft.goals().stream().filter(Goal::mostImportant).count();
    if (mostImportant == 0) {
      throw new InvalidInputException("goals", "Mark the most important goal.");
    }
    if (mostImportant > 1) {
      throw new InvalidInputException("goals", "Mark only one goal as the most important.");
    }
  }
}
