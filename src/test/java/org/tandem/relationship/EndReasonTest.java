package org.tandem.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndReasonTest {

  @Test
  @DisplayName("END-1 coaching offers the four reasons and another; mentoring adds its own three")
  void reasons_per_kind() {
    assertThat(EndReason.forKind(Kind.COACHING)).containsExactly(EndReason.CONFLICT_OF_INTEREST,
        EndReason.SKILLS_DO_NOT_FIT, EndReason.DIFFERENT_SUPPORT, EndReason.NOT_MEETING_NEEDS, EndReason.OTHER);
    assertThat(EndReason.forKind(Kind.MENTORING)).containsExactly(EndReason.CONFLICT_OF_INTEREST,
        EndReason.SKILLS_DO_NOT_FIT, EndReason.DIFFERENT_SUPPORT, EndReason.NOT_MEETING_NEEDS,
        EndReason.MENTOR_LACKS_EXPERTISE, EndReason.UPDATES_NOT_GUIDANCE, EndReason.MENTEE_RELIANT, EndReason.OTHER);
    assertThat(EndReason.MENTEE_RELIANT.appliesTo(Kind.COACHING)).isFalse();
  }
}
