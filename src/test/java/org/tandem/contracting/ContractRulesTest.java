package org.tandem.contracting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.common.InvalidInputException;

class ContractRulesTest {

  static final Goal MAIN = new Goal("Lead the new team", "The team runs its own stand-ups", true);
  static final Goal OTHER = new Goal("Delegate more", "Two projects handed over", false);

  static ContractDraft draft(List<Goal> goals) {
    return new ContractDraft(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 9, 1), null, 6, "Every two weeks", null,
        LocalDateTime.of(2026, 3, 3, 10, 0), 90, SessionFormat.VIRTUAL, "Teams", true, goals, "New role",
        "A steadier team", "Honesty", "Challenge", 48, true, true, true);
  }

  static ContractDraft with(ContractDraft d, LocalDate end, Integer months, int sessions, boolean cameras,
      boolean confidentiality, boolean ethics, boolean records) {
    return new ContractDraft(d.startDate(), end, months, sessions, d.frequency(), d.plannedDates(), d.firstSession(),
        d.sessionMinutes(), d.format(), d.location(), cameras, d.goals(), d.whyChosen(), d.organisationBenefits(),
        d.coachExpectations(), d.clientExpectations(), d.noticeHours(), confidentiality, ethics, records);
  }

  /** A one-goal draft with its planned end date, on these terms. */
  static ContractDraft agreeing(int sessions, boolean cameras, boolean confidentiality, boolean ethics,
      boolean records) {
    ContractDraft base = draft(List.of(MAIN));
    return with(base, base.plannedEndDate(), null, sessions, cameras, confidentiality, ethics, records);
  }

  private static void refused(ContractDraft draft, String field, String message) {
    assertThatThrownBy(() -> ContractRules.check(draft))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
          org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  @Test
  @DisplayName("CON-1 a complete contract with a planned end date is accepted")
  void complete_contract() {
    assertThatCode(() -> ContractRules.check(draft(List.of(MAIN, OTHER)))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("CON-1 the anticipated months may stand in for the planned end date, but one of them is needed")
  void end_date_or_months() {
    ContractDraft base = draft(List.of(MAIN));
    assertThatCode(() -> ContractRules.check(with(base, null, 6, 6, true, true, true, true)))
        .doesNotThrowAnyException();
    refused(with(base, null, null, 6, true, true, true, true), "plannedEndDate",
        "Give a planned end date or the anticipated months.");
  }

  @Test
  @DisplayName("CON-1 a planned end date before the start date is refused")
  void end_before_start() {
    refused(with(draft(List.of(MAIN)), LocalDate.of(2026, 3, 1), null, 6, true, true, true, true),
        "plannedEndDate", "The planned end date must be after the start date.");
  }

  @Test
  @DisplayName("CON-1 zero or negative sessions are refused, as are more than 24")
  void sessions_bounds() {
    refused(agreeing(0, true, true, true, true), "sessionsAgreed",
        "The number of sessions agreed must be between 1 and 24, not 0.");
    refused(agreeing(-2, true, true, true, true), "sessionsAgreed",
        "The number of sessions agreed must be between 1 and 24, not -2.");
    refused(agreeing(25, true, true, true, true), "sessionsAgreed",
        "The number of sessions agreed must be between 1 and 24, not 25.");
  }

  static Stream<Arguments> goalsRefused() {
    return Stream.of(
        Arguments.of("CON-2 four goals are refused: at most three", List.of(MAIN, OTHER, OTHER, OTHER),
            "At most three goals: remove 1."),
        Arguments.of("CON-2 no goal is refused", List.of(), "Add at least one goal."),
        Arguments.of("CON-2 a contract without a most important goal is refused", List.of(OTHER, OTHER),
            "Mark the most important goal."),
        Arguments.of("CON-2 two most important goals are refused", List.of(MAIN, MAIN),
            "Mark only one goal as the most important."),
        Arguments.of("CON-2 each goal says what success looks like", List.of(new Goal("Lead the new team", null, true)),
            "Say what success looks like for goal 1."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goalsRefused")
  void goals_refused(String rule, List<Goal> goals, String message) {
    refused(draft(goals), "goals", message);
  }

  static Stream<Arguments> agreementsMissing() {
    return Stream.of(
        Arguments.of("CON-1 virtual and hybrid sessions need the cameras and platform agreed",
            agreeing(6, false, true, true, true), "camerasAgreed",
            "For virtual or hybrid sessions, agree the use of cameras and the platform."),
        Arguments.of("CON-3 the coach acknowledges the confidentiality terms", agreeing(6, true, false, true, true),
            "acknowledgesConfidentiality", "Acknowledge the confidentiality terms and their exceptions."),
        Arguments.of("CON-3 the coach acknowledges the code of ethics", agreeing(6, true, true, false, true),
            "acknowledgesEthics", "Acknowledge the code of ethics."),
        Arguments.of("CON-4 how records are kept is agreed in the contract", agreeing(6, true, true, true, false),
            "recordKeepingAgreed", "Agree how records of the sessions are kept."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agreementsMissing")
  void agreement_missing(String rule, ContractDraft draft, String field, String message) {
    refused(draft, field, message);
  }
}
