package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.common.InvalidInputException;

/** The rules of an erasure request, without the engine. */
class ErasureDecisionsTest {

  @Test
  void dp2_aRequestIsAboutWhoAsksUnlessACoordinatorNamesSomeone() {
    assertThat(ErasureDecisions.subjectOf("erin", null, false)).isEqualTo("erin");
    assertThat(ErasureDecisions.subjectOf("coordinator", "erin", false)).isEqualTo("erin");
  }

  @Test
  void dp2_noOneAsksAnonymously() {
    assertThatThrownBy(() -> ErasureDecisions.subjectOf(null, "erin", false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Log in");
  }

  @Test
  void dp1_onlyThePersonThemselvesWithdrawsTheirConsent() {
    assertThat(ErasureDecisions.subjectOf("erin", "erin", true)).isEqualTo("erin");
    assertThatThrownBy(() -> ErasureDecisions.subjectOf("coordinator", "erin", true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Only the person themselves");
  }

  @Test
  void dp2_erasingNeedsTheIdentityVerified() {
    assertThat(ErasureDecisions.choose("ERASE", true, null)).isEqualTo(ErasureDecisions.Decision.ERASE);
    assertThatThrownBy(() -> ErasureDecisions.choose("ERASE", false, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Verify the identity");
  }

  @Test
  void dp2_holdingNeedsAReason() {
    assertThat(ErasureDecisions.choose("HOLD", false, "A complaint is open"))
        .isEqualTo(ErasureDecisions.Decision.HOLD);
    assertThatThrownBy(() -> ErasureDecisions.choose("HOLD", true, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
  }

  @Test
  void dp2_theDecisionIsToEraseOrToHold() {
    assertThatThrownBy(() -> ErasureDecisions.choose(null, true, "reason"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose");
  }

  @Test
  void dp2_dp3_nothingIsErasedWhileThereIsAReasonToHoldIt() {
    ErasureDecisions.mayErase(List.of());
    assertThatThrownBy(() -> ErasureDecisions.mayErase(List.of("A complaint is open.")))
        .isInstanceOf(InvalidInputException.class).hasMessage("Hold the request: A complaint is open.");
  }

  @Test
  void whatTheCoordinatorIsShown() {
    assertThat(ErasureDecisions.raisedByDescription("erin", "erin")).isEqualTo("the person themselves");
    assertThat(ErasureDecisions.raisedByDescription("erin", "cora")).isEqualTo("coordinator cora on their behalf");
    assertThat(ErasureDecisions.reasonGiven(null)).isEqualTo("none given");
    assertThat(ErasureDecisions.holdsText(List.of())).isEqualTo("none");
    assertThat(ErasureDecisions.holdsText(List.of("One.", "Two."))).isEqualTo("One. Two.");
  }
}
