package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

  @Test
  @DisplayName("GO-1 the first-meeting decision falls due after the first session only, and only once")
  void first_meeting() {
    assertThat(SessionPolicy.after(1, 6, 6, 4, false, false).firstMeeting()).isTrue();
    assertThat(SessionPolicy.after(1, 6, 6, 4, false, true).firstMeeting()).isFalse();
    assertThat(SessionPolicy.after(2, 6, 6, 4, false, false).firstMeeting()).isFalse();
  }

  @Test
  @DisplayName("REV-1 a review falls due after every fourth session")
  void review_every_four() {
    assertThat(SessionPolicy.after(3, 12, 12, 4, true, true).reviewDue()).isFalse();
    assertThat(SessionPolicy.after(4, 12, 12, 4, true, true).reviewDue()).isTrue();
    assertThat(SessionPolicy.after(5, 12, 12, 4, true, true).reviewDue()).isFalse();
    assertThat(SessionPolicy.after(8, 12, 12, 4, true, true).reviewDue()).isTrue();
  }

  @Test
  @DisplayName("REV-1 a review also falls due after the last session the contract covers")
  void review_after_last_agreed() {
    assertThat(SessionPolicy.after(6, 6, 6, 4, true, true).reviewDue()).isTrue();
    assertThat(SessionPolicy.after(2, 2, 2, 4, true, true).reviewDue()).isTrue();
  }

  @Test
  @DisplayName("EVA-1 the middle evaluations fall due once, at the middle of the agreed sessions")
  void middle_evaluations() {
    assertThat(SessionPolicy.after(2, 6, 6, 4, false, true).middleEvaluationsDue()).isFalse();
    assertThat(SessionPolicy.after(3, 6, 6, 4, false, true).middleEvaluationsDue()).isTrue();
    assertThat(SessionPolicy.after(4, 6, 6, 4, true, true).middleEvaluationsDue()).isFalse();
    assertThat(SessionPolicy.after(2, 4, 4, 4, false, true).middleEvaluationsDue()).isTrue();
    assertThat(SessionPolicy.after(1, 1, 1, 4, false, false).middleEvaluationsDue()).isTrue();
  }
}
